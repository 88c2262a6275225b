package io.quiver.engine.admission;

import java.util.concurrent.atomic.AtomicBoolean;

/** A statement's place among the running ones; {@link #release} gives it back (once). */
public final class Admission {

  private final AdmissionController controller;
  private final String user;
  private final AtomicBoolean released = new AtomicBoolean();

  Admission(AdmissionController controller, String user) {
    this.controller = controller;
    this.user = user;
  }

  public String user() {
    return user;
  }

  /** Lets the next waiting statement start. Idempotent. */
  public void release() {
    if (released.compareAndSet(false, true)) {
      controller.released(user);
    }
  }
}
