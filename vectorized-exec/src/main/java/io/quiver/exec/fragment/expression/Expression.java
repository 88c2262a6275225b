package io.quiver.exec.fragment.expression;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.quiver.exec.type.DataType;

/**
 * A scalar expression inside a fragment: plain data, evaluated a batch at a time by the executor.
 * Every expression knows the type it produces, as the planner derived it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = InputReference.class, name = "input"),
  @JsonSubTypes.Type(value = Literal.class, name = "literal"),
  @JsonSubTypes.Type(value = Call.class, name = "call"),
})
public sealed interface Expression permits InputReference, Literal, Call {

  DataType type();
}
