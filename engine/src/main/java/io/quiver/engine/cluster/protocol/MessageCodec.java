package io.quiver.engine.cluster.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import java.io.IOException;

/** Turns {@link ClusterMessages} records into JSON bytes and back. */
public final class MessageCodec {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private MessageCodec() {
  }

  public static byte[] encode(Object message) {
    try {
      return MAPPER.writeValueAsBytes(message);
    } catch (IOException e) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, "could not encode " + message.getClass().getSimpleName(), e);
    }
  }

  /** @throws QuiverException INVALID_PARAMETER when the bytes are not a {@code type} */
  public static <T> T decode(byte[] body, Class<T> type) {
    try {
      return MAPPER.readValue(body, type);
    } catch (IOException e) {
      throw new QuiverException(ErrorCode.INVALID_PARAMETER,
          "malformed " + type.getSimpleName() + " message: " + e.getMessage(), e);
    }
  }
}
