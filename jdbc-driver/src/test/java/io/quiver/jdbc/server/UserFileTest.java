package io.quiver.jdbc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Password hashes, the users file and BASIC credentials, right and wrong. */
class UserFileTest {

  private static String basic(String credentials) {
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void hashRoundTripsAndSaltsDiffer() {
    PasswordHash first = PasswordHash.create("pw".toCharArray(), 1000);
    PasswordHash second = PasswordHash.create("pw".toCharArray(), 1000);
    assertFalse(first.equals(second), "two hashes of one password must differ by their salt");
    PasswordHash decoded = PasswordHash.decode(first.encode());
    assertEquals(first, decoded);
    assertTrue(decoded.matches("pw".toCharArray()));
    assertFalse(decoded.matches("pW".toCharArray()));
    assertFalse(decoded.matches(new char[0]));
    assertEquals(PasswordHash.SCHEME + ":1000:...", decoded.toString());
  }

  @Test
  void malformedLinesAreRefusedWithTheirLineNumber() {
    String good = UserFile.line("ann", PasswordHash.create("x".toCharArray(), 10));
    assertEquals(1, UserFile.parse(List.of("# comment", "", good), "f").size());
    for (String bad : List.of("ann", ":pbkdf2-sha256:1:AA:AA", "ann:md5:1:AA:AA", "ann:pbkdf2-sha256:x:AA:AA",
        "ann:pbkdf2-sha256:0:AA:AA", "ann:pbkdf2-sha256:10:!!:AA", "ann:pbkdf2-sha256:10:AA", "a b:pbkdf2-sha256:1:AA:AA")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> UserFile.parse(List.of("# users", bad), "users.txt"), bad);
      assertTrue(e.getMessage().startsWith("users.txt line 2"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> UserFile.parse(List.of(good, good), "f"));
    assertThrows(IllegalArgumentException.class, () -> UserFile.parse(List.of("# nobody"), "f"));
    assertThrows(IllegalArgumentException.class, () -> UserFile.line("a:b", PasswordHash.create("x".toCharArray(), 1)));
  }

  @Test
  void basicCredentials() {
    UserFile users = UserFile.parse(List.of(UserFile.line("ann", PasswordHash.create("p:w é".toCharArray(), 500))), "f");
    BasicAuthenticator authenticator = new BasicAuthenticator(users);
    assertEquals("ann", authenticator.authenticate(basic("ann:p:w é")));
    assertEquals("ann", authenticator.authenticate(basic("ann:p:w é")), "the remembered success");
    assertEquals("ann", authenticator.authenticate("basic " + Base64.getEncoder().encodeToString(
        "ann:p:w é".getBytes(StandardCharsets.UTF_8))));
    assertNull(authenticator.authenticate(basic("ann:p:w e")));
    assertNull(authenticator.authenticate(basic("bob:p:w é")));
    assertNull(authenticator.authenticate(basic("ann")));
    assertNull(authenticator.authenticate(basic(":p:w é")));
    assertNull(authenticator.authenticate(null));
    assertNull(authenticator.authenticate("Bearer abc"));
    assertNull(authenticator.authenticate("Basic ###"));
    assertNull(authenticator.authenticate("Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xC3})));
    assertNull(authenticator.authenticate("Basic " + "A".repeat(10_000)));
  }
}
