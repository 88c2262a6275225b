package io.quiver.exec.function.library;

import io.quiver.exec.error.ErrorCode;
import io.quiver.exec.error.QuiverException;
import io.quiver.exec.function.ScalarKernel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Character-level helpers of the text functions; characters are code points. */
final class Strings {

  /** The longest text a function builds (characters), as a guard against runaway results. */
  static final long MAX_LENGTH = 256L * 1024 * 1024;

  private Strings() {
  }

  /** The offset in {@code text} of character {@code characters}, or the end. */
  static int offset(String text, long characters) {
    if (characters <= 0) {
      return 0;
    }
    int count = text.codePointCount(0, text.length());
    if (characters >= count) {
      return text.length();
    }
    return text.offsetByCodePoints(0, (int) characters);
  }

  static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  static String left(String text, long n) {
    if (n >= 0) {
      return text.substring(0, offset(text, n));
    }
    return text.substring(0, offset(text, length(text) + n));
  }

  static String right(String text, long n) {
    int length = length(text);
    if (n >= 0) {
      return text.substring(offset(text, length - n));
    }
    return text.substring(offset(text, -n));
  }

  static String splitPart(String text, String delimiter, long field) {
    if (field == 0) {
      throw new QuiverException(ErrorCode.INVALID_ARGUMENT, "SPLIT_PART: field position must not be zero");
    }
    if (delimiter.isEmpty()) {
      return field == 1 || field == -1 ? text : "";
    }
    java.util.List<String> parts = new java.util.ArrayList<>();
    int start = 0;
    int found;
    while ((found = text.indexOf(delimiter, start)) >= 0) {
      parts.add(text.substring(start, found));
      start = found + delimiter.length();
    }
    parts.add(text.substring(start));
    long index = field > 0 ? field - 1 : parts.size() + field;
    return index >= 0 && index < parts.size() ? parts.get((int) index) : "";
  }

  static String initcap(String text) {
    StringBuilder result = new StringBuilder(text.length());
    boolean wordStart = true;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c)) {
        result.appendCodePoint(wordStart ? Character.toTitleCase(c) : Character.toLowerCase(c));
        wordStart = false;
      } else {
        result.appendCodePoint(c);
        wordStart = true;
      }
    }
    return result.toString();
  }

  static String translate(String text, String from, String to) {
    int[] source = from.codePoints().toArray();
    int[] target = to.codePoints().toArray();
    StringBuilder result = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      int index = -1;
      for (int i = 0; i < source.length; i++) {
        if (source[i] == c) {
          index = i;
          break;
        }
      }
      if (index < 0) {
        result.appendCodePoint(c);
      } else if (index < target.length) {
        result.appendCodePoint(target[index]);
      }
    });
    return result.toString();
  }

  static int utf8Length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    return bytes;
  }

  /** A kernel writing the hex digest of its text argument; one MessageDigest per call site. */
  static ScalarKernel digest(String algorithm) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new QuiverException(ErrorCode.INTERNAL_ERROR, algorithm + " is not available", e);
    }
    HexFormat hex = HexFormat.of();
    return (arguments, row, result) -> result.setString(row,
        hex.formatHex(digest.digest(arguments.getString(0, row).getBytes(StandardCharsets.UTF_8))));
  }
}
