package io.fieldprint.advisories.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelWildcardTest {
  private static final List<String> PATTERNS =
      List.of(
          "6ES7516-3AN01-0AB0",
          "6ES7516*",
          "6ES7 516-3AN0?-0AB0",
          "1756-L8?",
          "CJ2M-CPU**",
          "*1756-L81E",
          "R04*CPU",
          "A*B*C*D",
          "ABCD*",
          "??",
          "*",
          "AB?",
          "X.Y.Z.W");
  private static final List<String> MODELS =
      List.of(
          "6ES7516-3AN01-0AB0",
          "6ES7516-3AN02-0AB0",
          "6ES75163AN010AB0",
          "1756-L81E",
          "1756-L8",
          "CJ2M-CPU33",
          "CJ2M-CPU",
          "R04ENCPU",
          "R04CPU",
          "AXBXCXD",
          "ABCD",
          "ABCDE",
          "ABC",
          "XAYAZAW",
          "X.Y.Z.W",
          "ABCD\u2028E",
          "ABCD\uD83D\uDE00");

  @Test
  void wildcardMatchingWithoutRegexGivesWhatTheRegexGives() {
    for (String pattern : PATTERNS) {
      ModelNumbers.Wildcard w = ModelNumbers.Wildcard.of(pattern);
      for (String model : MODELS) {
        String m = ModelNumbers.normalise(model);
        boolean expected = w.regex() != null && !m.isEmpty() && w.regex().matcher(m).matches();
        assertEquals(expected, w.matches(m), pattern + " vs " + model);
      }
    }
  }

  @Test
  void starMatchesAnyRunAndQuestionMarkOneCharacter() {
    assertTrue(ModelNumbers.matches("6ES7516*", "6ES7516-3AN01-0AB0"));
    assertTrue(ModelNumbers.matches("1756-L8?", "1756-L81"));
    assertFalse(ModelNumbers.matches("1756-L8?", "1756-L81E"));
    assertFalse(ModelNumbers.matches("ABCD*", "ABCD\u2028E"), "a line terminator is not a model");
    assertFalse(ModelNumbers.matches("AB?", "ABC"), "under four literal characters");
  }

  @Test
  void theLiteralPrefixIsWhatEveryMatchedModelStartsWith() {
    assertEquals("6ES7516", ModelNumbers.Wildcard.of("6ES7 516*").prefix());
    assertEquals("", ModelNumbers.Wildcard.of("*1756-L81E").prefix());
    assertEquals("1756-L81E", ModelNumbers.Wildcard.of("1756-l81e").prefix());
  }
}
