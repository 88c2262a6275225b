package io.quiver.engine.event;

/** Receives events from the {@link EventBus}. */
@FunctionalInterface
public interface EventListener {

  void onEvent(QueryEvent event);
}
