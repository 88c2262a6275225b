package io.quiver.jdbc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
  void linesMayGiveARoleAndLimitsOfTheUsersOwn() {
    String hash = UserFile.line("ann", PasswordHash.create("x".toCharArray(), 1));
    UserFile users = UserFile.parse(List.of(hash + " role=admin queries=2 memory=512m",
        hash.replaceFirst("^ann", "bob") + "\tmemory=1g", hash.replaceFirst("^ann", "cy")), "f");
    assertEquals("admin", users.role("ann"));
    assertEquals("user", users.role("bob"));
    assertNull(users.role("nobody"));
    assertEquals(new io.quiver.engine.admission.UserLimits(2, 512L << 20), users.limits().get("ann"));
    assertEquals(new io.quiver.engine.admission.UserLimits(null, 1L << 30), users.limits().get("bob"));
    assertFalse(users.limits().containsKey("cy"));
    for (String bad : List.of(" role=root;x", " queries=-1", " queries=many", " memory=lots", " color=red",
        " role")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> UserFile.parse(List.of(hash + bad), "users.txt"), bad);
      assertTrue(e.getMessage().startsWith("users.txt line 1"), e.getMessage());
    }
  }

  @Test
  void basicCredentials() throws Exception {
    UserFile users = UserFile.parse(List.of(UserFile.line("ann", PasswordHash.create("p:w é".toCharArray(), 500))), "f");
    try (BasicAuthenticator authenticator = new BasicAuthenticator(users, AuthenticationLimits.defaults())) {
      assertEquals("ann", user(authenticator, basic("ann:p:w é")));
      assertEquals(1, authenticator.cachedCredentials());
      assertInstanceOf(BasicAuthenticator.Authenticated.class, authenticator.authenticate(basic("ann:p:w é"),
          "10.0.0.1"), "the remembered success needs no hash");
      assertEquals("ann", user(authenticator, "basic " + Base64.getEncoder().encodeToString(
          "ann:p:w é".getBytes(StandardCharsets.UTF_8))));
      assertNull(user(authenticator, basic("ann:p:w e")));
      assertNull(user(authenticator, basic("bob:p:w é")));
      assertNull(user(authenticator, basic("ann")));
      assertNull(user(authenticator, basic(":p:w é")));
      assertNull(user(authenticator, null));
      assertNull(user(authenticator, "Bearer abc"));
      assertNull(user(authenticator, "Basic ###"));
      assertNull(user(authenticator, "Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xC3})));
      assertNull(user(authenticator, "Basic " + "A".repeat(10_000)));
      assertEquals(1, authenticator.cachedCredentials(), "failures are never remembered");
    }
  }

  @Test
  void repeatedFailuresWaitLongerAndLongerWhileTheRememberedUserGoesOn() throws Exception {
    UserFile users = UserFile.parse(List.of(UserFile.line("ann", PasswordHash.create("right".toCharArray(), 500))),
        "f");
    try (BasicAuthenticator authenticator = new BasicAuthenticator(users,
        AuthenticationLimits.defaults().withFailures(3, 100))) {
      assertEquals("ann", user(authenticator, basic("ann:right")));
      for (int i = 0; i < 3; i++) {
        assertNull(user(authenticator, basic("ann:wrong" + i)));
      }
      assertNull(user(authenticator, basic("ann:wrong")), "the fourth failure: now the address waits");
      BasicAuthenticator.Decision blocked = authenticator.authenticate(basic("ann:wrong"), "10.0.0.1");
      BasicAuthenticator.Refused refused = assertInstanceOf(BasicAuthenticator.Refused.class, blocked);
      assertEquals(429, refused.status());
      assertTrue(refused.retryAfterSeconds() >= 1, refused.toString());
      // the right password from the same address: still known, no hash, no wait
      assertInstanceOf(BasicAuthenticator.Authenticated.class, authenticator.authenticate(basic("ann:right"),
          "10.0.0.1"));
      // another address is not blocked by this one's failures
      assertInstanceOf(BasicAuthenticator.Pending.class, authenticator.authenticate(basic("ann:other"), "10.0.0.2"));
    }
  }

  /** The user the authenticator lets in from 10.0.0.1, waiting for a hash if one runs; null if refused. */
  private static String user(BasicAuthenticator authenticator, String header) throws Exception {
    BasicAuthenticator.Decision decision = authenticator.authenticate(header, "10.0.0.1");
    if (decision instanceof BasicAuthenticator.Pending pending) {
      decision = pending.result().get(30, java.util.concurrent.TimeUnit.SECONDS);
    }
    return decision instanceof BasicAuthenticator.Authenticated authenticated ? authenticated.user() : null;
  }
}
