package io.quiver.engine.event;

/**
 * The one bus on the driver that carries job, stage and task events with their metrics. Listeners
 * are called in the order events are posted, on the poster's thread; they must be quick.
 */
public interface EventBus {

  void subscribe(EventListener listener);

  void unsubscribe(EventListener listener);

  void post(QueryEvent event);
}
