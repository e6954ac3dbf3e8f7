package io.fieldprint.advisories.csaf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;

/**
 * Checks a document against {@link CsafLimits} before a tree is built (bytes: one streaming pass
 * with memory proportional to the depth) or before records are built (an existing tree).
 */
final class JsonBounds {
  private final CsafLimits limits;
  private final JsonFactory factory;

  JsonBounds(CsafLimits limits) {
    this.limits = limits;
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth() + 1)
                    .maxStringLength(limits.maxStringLength() + 1)
                    .maxNumberLength(64)
                    .maxNameLength(1024)
                    .build())
            .build();
  }

  /** The factory to build trees with once {@link #check(byte[])} passed. */
  JsonFactory factory() {
    return factory;
  }

  /** Why the bytes exceed a limit or are not JSON, or {@code null} when they are fine. */
  String check(byte[] json) {
    if (json.length > limits.maxBytes()) {
      return "document of " + json.length + " bytes exceeds the limit of " + limits.maxBytes();
    }
    int[] counts = new int[limits.maxDepth() + 2];
    int depth = 0;
    int values = 0;
    try (JsonParser parser = factory.createParser(json)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t.isScalarValue() || t.isStructStart()) {
          if (++values > limits.maxValues()) {
            return "more than " + limits.maxValues() + " JSON values";
          }
        }
        if (depth > 0 && !t.isStructEnd() && t != JsonToken.FIELD_NAME) {
          if (++counts[depth] > limits.maxArrayLength()) {
            return "array or object with more than " + limits.maxArrayLength() + " elements";
          }
        }
        if (t.isStructStart()) {
          if (++depth > limits.maxDepth()) {
            return "nesting deeper than " + limits.maxDepth();
          }
          counts[depth] = 0;
        } else if (t.isStructEnd()) {
          depth--;
        } else if (t == JsonToken.VALUE_STRING
            && parser.getTextLength() > limits.maxStringLength()) {
          return "string longer than " + limits.maxStringLength() + " characters";
        }
      }
      return null;
    } catch (StreamConstraintsException e) {
      return "document exceeds a limit: " + firstLine(e.getMessage());
    } catch (IOException | RuntimeException e) {
      return "not valid JSON: " + firstLine(e.getMessage());
    }
  }

  /** The same limits for a tree that already exists; recursion is bounded by the depth limit. */
  String check(JsonNode node) {
    return check(node, 0);
  }

  private String check(JsonNode node, int depth) {
    if (node.isTextual() && node.textValue().length() > limits.maxStringLength()) {
      return "string longer than " + limits.maxStringLength() + " characters";
    }
    if (!node.isContainerNode()) {
      return null;
    }
    if (depth >= limits.maxDepth()) {
      return "nesting deeper than " + limits.maxDepth();
    }
    if (node.size() > limits.maxArrayLength()) {
      return "array or object with more than " + limits.maxArrayLength() + " elements";
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      String problem = check(it.next(), depth + 1);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String line = message.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
