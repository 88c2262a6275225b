package io.quiver.slt;

/** A {@code .slt} file that does not follow the format; the message starts with {@code file:line}. */
public final class SltParseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String location;

  public SltParseException(String location, String message) {
    super(location + ": " + message);
    this.location = location;
  }

  /** {@code file:line} of the offending line. */
  public String location() {
    return location;
  }
}
