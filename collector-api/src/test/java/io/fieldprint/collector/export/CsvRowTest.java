package io.fieldprint.collector.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowTest {
  @Test
  void cellsWithSeparatorsQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
    assertEquals(
        "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rx\",,\r\n",
        CsvRow.of(Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", "cr\rx", "", null)));
  }

  @Test
  void cellsASpreadsheetWouldEvaluateGetALeadingApostrophe() {
    for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
      String line = CsvRow.of(List.of(formula));
      String cell = line.substring(0, line.length() - 2);
      String expected = "'" + formula;
      boolean quoted = formula.contains("\r");
      assertEquals(quoted ? "\"" + expected + "\"" : expected, cell, formula);
    }
    assertEquals("a=1,1-2\r\n", CsvRow.of(List.of("a=1", "1-2")));
  }
}
