package io.quiver.exec.function;

/**
 * An example for the function reference, run by a test so that it stays true.
 *
 * @param sql an expression as it would follow SELECT
 * @param result the value it gives, as the SQL logic tests render values (NULL, true, 2.50, text)
 */
public record FunctionExample(String sql, String result) {
}
