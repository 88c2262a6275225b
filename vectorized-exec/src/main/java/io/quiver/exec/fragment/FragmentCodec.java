package io.quiver.exec.fragment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quiver.exec.fragment.expression.Expression;
import io.quiver.exec.fragment.stage.StageFragment;
import io.quiver.exec.fragment.stage.StagePlan;
import java.io.UncheckedIOException;

/**
 * The serialized form of fragments (JSON), the form in which they would travel to a remote executor.
 * Round trips are exact: {@code decode(encode(x)).equals(x)}.
 */
public final class FragmentCodec {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private FragmentCodec() {
  }

  public static String encode(StageFragment fragment) {
    return write(fragment);
  }

  public static StageFragment decodeStage(String json) {
    return read(json, StageFragment.class);
  }

  public static String encode(StagePlan plan) {
    return write(plan);
  }

  public static StagePlan decodePlan(String json) {
    return read(json, StagePlan.class);
  }

  /** One expression alone, for example a filter a connector may use to skip data. */
  public static String encode(Expression expression) {
    return write(expression);
  }

  public static Expression decodeExpression(String json) {
    return read(json, Expression.class);
  }

  private static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
