package io.fieldprint.protocols.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EvidenceTest {
  private static Evidence evidence(Map<String, Object> fields) {
    return new Evidence(
        "modbus.read-device-identification", Instant.EPOCH, "a.pcap#frame=1", fields);
  }

  @Test
  void fieldsIterateSortedByNameAndEqualTheSortedMapTheyWereBefore() {
    Map<String, Object> fields = new HashMap<>();
    for (String name : List.of("vendor", "model", "firmware", "a", "Zeta", "serial", "b2", "b10")) {
      fields.put(name, name.toUpperCase());
    }
    fields.put("unit", 255);
    fields.put("nothing", null);
    Evidence e = evidence(fields);
    TreeMap<String, Object> sorted = new TreeMap<>(fields);
    assertEquals(List.copyOf(sorted.keySet()), List.copyOf(e.fields().keySet()));
    assertEquals(sorted, e.fields());
    assertEquals(e.fields(), sorted);
    assertEquals(sorted.hashCode(), e.fields().hashCode());
    assertEquals(sorted.toString(), e.fields().toString());
    for (String name : sorted.keySet()) {
      assertEquals(sorted.get(name), e.fields().get(name), name);
      assertTrue(e.fields().containsKey(name), name);
    }
    assertNull(e.fields().get("absent"));
    assertFalse(e.fields().containsKey("absent"));
    assertFalse(e.fields().containsKey(42), "a key of another type is simply absent");
    assertEquals(evidence(new TreeMap<>(fields)), e, "records compare by content");
  }

  @Test
  void evidenceSharesNothingMutableWithTheDecoderThatBuiltIt() {
    List<Object> blocks = new ArrayList<>();
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("type", "0x0020");
    block.put("api", 0);
    block.put("slot", 1);
    blocks.add(block);
    Map<String, Object> fields = new HashMap<>();
    fields.put("blocks", blocks);
    Evidence e = evidence(fields);

    block.put("type", "changed later");
    blocks.add("more");
    fields.put("vendor", "late");

    List<?> kept = (List<?>) e.fields().get("blocks");
    assertEquals(1, kept.size());
    Map<?, ?> keptBlock = (Map<?, ?>) kept.get(0);
    assertEquals("0x0020", keptBlock.get("type"));
    assertEquals(List.of("type", "api", "slot"), List.copyOf(keptBlock.keySet()), "nested order");
    assertNull(e.fields().get("vendor"));
    assertThrows(UnsupportedOperationException.class, () -> e.fields().put("x", 1));
    assertThrows(UnsupportedOperationException.class, () -> kept.remove(0));
    @SuppressWarnings("unchecked")
    Map<Object, Object> nested = (Map<Object, Object>) keptBlock;
    assertThrows(UnsupportedOperationException.class, () -> nested.put("slot", 2));
    assertThrows(UnsupportedOperationException.class, () -> e.fields().entrySet().clear());
  }

  @Test
  void repeatedShortStringsAreHeldOnceAndLongOnesAreLeftAlone() {
    String long1 = "x".repeat(RepeatedStrings.MAX_LENGTH + 1);
    Evidence first =
        evidence(Map.of("policy", new String("http://opcfoundation.org/UA/SecurityPolicy#None")));
    Evidence second =
        evidence(
            Map.of(
                "policy",
                new String("http://opcfoundation.org/UA/SecurityPolicy#None"),
                "long",
                new String(long1)));
    assertSame(first.fields().get("policy"), second.fields().get("policy"));
    Evidence keyOne = evidence(Map.of(new String("vendorName"), 1));
    Evidence keyTwo = evidence(Map.of(new String("vendorName"), 2));
    assertSame(
        keyOne.fields().keySet().iterator().next(), keyTwo.fields().keySet().iterator().next());
    assertEquals(long1, second.fields().get("long"));
    Evidence third = evidence(Map.of("long", new String(long1)));
    assertFalse(second.fields().get("long") == third.fields().get("long"), "not pooled");
  }
}
