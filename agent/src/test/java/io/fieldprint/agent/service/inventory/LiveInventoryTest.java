package io.fieldprint.agent.service.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fieldprint.protocols.inventory.MergeLimits;
import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveInventoryTest {
  private static Observation modbusDevice(int n) {
    return new Observation(
        "modbus",
        DeviceRef.of(null, "10.0." + (n / 250) + "." + (1 + n % 250)),
        Identity.NONE,
        Authority.DEVICE_REPORTED,
        new Evidence("modbus.response", Instant.EPOCH, "live:eth1", Map.of("unit", 1)));
  }

  @Test
  void beyondMaxDevicesFurtherDevicesAreCountedNotTrackedAndKnownOnesStillMerge() {
    LiveInventory inventory = new LiveInventory(MergeLimits.DEFAULT.withMaxDevices(100));
    for (int n = 0; n < 130; n++) {
      inventory.observe(modbusDevice(n));
    }
    inventory.observe(modbusDevice(7)); // a tracked device seen again is not a drop
    assertEquals(100, inventory.snapshot().assets().size());
    assertEquals(30, inventory.devicesDropped());
    inventory.observe(modbusDevice(500));
    assertEquals(31, inventory.devicesDropped());
  }
}
