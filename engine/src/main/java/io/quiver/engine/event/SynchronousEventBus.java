package io.quiver.engine.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event bus: delivers each event to every listener on the posting thread. Posting is serialized,
 * so every listener sees all events in one order, the order they were posted. A listener that throws
 * is logged and does not stop the others or the query. The scheduler posts outside its own locks,
 * so a listener may call back into the engine (for example to cancel a query); it should still be
 * quick, since posting holds up the task that caused the event.
 */
public final class SynchronousEventBus implements EventBus {

  private static final Logger LOG = LoggerFactory.getLogger(SynchronousEventBus.class);

  private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
  private final Object postLock = new Object();

  @Override
  public void subscribe(EventListener listener) {
    if (listener == null) {
      throw new IllegalArgumentException("listener is required");
    }
    listeners.add(listener);
  }

  @Override
  public void unsubscribe(EventListener listener) {
    listeners.remove(listener);
  }

  @Override
  public void post(QueryEvent event) {
    synchronized (postLock) {
      for (EventListener listener : listeners) {
        try {
          listener.onEvent(event);
        } catch (RuntimeException e) {
          LOG.warn("event listener {} failed on {}", listener, event, e);
        }
      }
    }
  }
}
