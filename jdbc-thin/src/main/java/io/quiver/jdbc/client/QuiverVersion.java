package io.quiver.jdbc.client;

/** Quiver's product and driver version, the same for the embedded and the thin driver. */
public final class QuiverVersion {

  public static final String VERSION = "0.1.0";
  public static final int MAJOR_VERSION = 0;
  public static final int MINOR_VERSION = 1;

  private QuiverVersion() {
  }
}
