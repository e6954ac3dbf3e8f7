package io.fieldprint.protocols.oui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class MacVendorsTest {
  private final MacVendors vendors = MacVendors.shipped();

  @Test
  void everyRowOfTheShippedListingParses() throws Exception {
    int rows = 0;
    try (InputStream raw = MacVendors.class.getResourceAsStream(MacVendors.RESOURCE);
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("#")) {
          continue;
        }
        assertTrue(line.matches("([0-9A-F]{6}|[0-9A-F]{7}|[0-9A-F]{9})\t[^\t]+"), line);
        rows++;
      }
    }
    assertEquals(rows, vendors.size());
    assertTrue(rows > 40_000, "rows: " + rows);
  }

  @Test
  void shippedFileStaysUnderOneAndAHalfMegabytes() throws Exception {
    Path file = Path.of("..", "config", "knowledge", "oui.tsv.gz");
    assertTrue(Files.size(file) < 1_500_000, "size " + Files.size(file));
  }

  @Test
  void maLargeBlockNamesTheVendor() {
    // SCALANCE X208 in ChangeIPUsingDCP.pcap: 08:00:06:93:cf:32, tshark "SiemensN"
    assertEquals(
        new MacVendorLookup.Assigned("SIEMENS AG", 24), vendors.lookup("08:00:06:93:cf:32"));
    assertEquals("Siemens AG", vendors.lookup("00-1B-1B-12-34-56").vendorOrNull());
  }

  @Test
  void longestPrefixWinsOverTheShorterBlock() {
    // 00:1B:C5 is an MA-L block registered to the IEEE RA and sub-assigned as MA-S blocks
    MacVendorLookup lookup = vendors.lookup("00:1b:c5:00:10:23");
    assertEquals(new MacVendorLookup.Assigned("OpenRB.com, Direct SIA", 36), lookup);
  }

  @Test
  void mediumBlocksAreLookedUpAt28Bits() throws Exception {
    MacVendors table =
        MacVendors.read(
            new ByteArrayInputStream(
                "0055DA\tBig Block\n0055DA1\tKoolPOS Inc.\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        new MacVendorLookup.Assigned("KoolPOS Inc.", 28), table.lookup("00:55:da:1f:00:00"));
    assertEquals(new MacVendorLookup.Assigned("Big Block", 24), table.lookup("00:55:da:2f:00:00"));
  }

  @Test
  void locallyAdministeredMulticastAndInvalidAddressesNameNobody() {
    assertEquals(
        unassigned(MacVendorLookup.Reason.LOCALLY_ADMINISTERED),
        vendors.lookup("02:00:4c:4f:4f:50"));
    assertEquals(unassigned(MacVendorLookup.Reason.MULTICAST), vendors.lookup("01:80:c2:00:00:0e"));
    assertEquals(unassigned(MacVendorLookup.Reason.MULTICAST), vendors.lookup("ff:ff:ff:ff:ff:ff"));
    assertEquals(unassigned(MacVendorLookup.Reason.INVALID), vendors.lookup("not a mac"));
    assertEquals(unassigned(MacVendorLookup.Reason.INVALID), vendors.lookup("00:11:22:33:44"));
    assertEquals(unassigned(MacVendorLookup.Reason.INVALID), vendors.lookup((String) null));
  }

  @Test
  void unlistedBlockSaysSo() {
    assertEquals(
        unassigned(MacVendorLookup.Reason.NOT_LISTED), vendors.lookup("f4:ff:ff:00:00:01"));
  }

  @Test
  void macTextRoundTrips() {
    long mac = MacAddress.parse("00:0C:29:BA:09:EA");
    assertEquals(0x000C29BA09EAL, mac);
    assertEquals(
        "00:0c:29:ba:09:ea",
        MacAddress.format(new byte[] {0, 0x0c, 0x29, (byte) 0xba, 9, (byte) 0xea}, 0));
    assertEquals(mac, MacAddress.parse("000c.29ba.09ea"));
  }

  private static MacVendorLookup unassigned(MacVendorLookup.Reason reason) {
    return new MacVendorLookup.Unassigned(reason);
  }
}
