package io.fieldprint.advisories.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DirectoryListingTest {
  private static final URI DIR = URI.create("https://example.test/advisories/csaf/white/");

  private static DirectoryListing.Listing changes(String text) {
    return DirectoryListing.changesCsv(text.getBytes(StandardCharsets.UTF_8), DIR);
  }

  @Test
  void unsortedChangesCsvKeepsTheLatestDateOfAPathListedTwice() {
    // The specification's own example lists 2018/...yh2312.json twice.
    DirectoryListing.Listing listing =
        changes(
            """
            "2018/example_company_-_2018-yh2312.json","2019-03-01T06:01:00Z"
            "2020/example_company_-_2020-yh4711.json","2020-07-01T10:09:07Z"
            "2018/example_company_-_2018-yh2312.json","2020-07-01T10:09:01Z"
            """);

    assertEquals(List.of(), listing.problems());
    assertEquals(2, listing.documents().size());
    DocumentRef twice = listing.documents().get(0);
    assertEquals(DIR.resolve("2018/example_company_-_2018-yh2312.json"), twice.url());
    assertEquals(Optional.of(Instant.parse("2020-07-01T10:09:01Z")), twice.listed());
  }

  @Test
  void unquotedCisaLinesWithRepositoryRootPathsResolveInsideTheFolder() {
    URI cisa =
        URI.create("https://raw.githubusercontent.com/cisagov/CSAF/develop/csaf_files/OT/white/");
    DirectoryListing.Listing listing =
        DirectoryListing.changesCsv(
            "csaf_files/OT/white/2023/icsma-23-331-01.json,2023-11-28T07:00:00.000000Z\n"
                .getBytes(StandardCharsets.UTF_8),
            cisa);

    assertEquals(cisa.resolve("2023/icsma-23-331-01.json"), listing.documents().get(0).url());
  }

  @Test
  void pathsLeavingTheFolderOrNotJsonAreSkippedAsProblems() {
    DirectoryListing.Listing listing =
        changes(
            """
            ../../etc/passwd.json,2020-01-01T00:00:00Z
            https://evil.test/x.json,2020-01-01T00:00:00Z
            2020/readme.txt,2020-01-01T00:00:00Z
            2020/a.json,not-a-date
            2020/a.json
            2020/ok.json,2020-01-01T00:00:00Z
            """);

    assertEquals(5, listing.problems().size(), listing.problems()::toString);
    assertEquals(
        List.of(DIR.resolve("2020/ok.json")),
        listing.documents().stream().map(DocumentRef::url).toList());
  }

  @Test
  void indexTxtListsDocumentsWithoutDates() {
    DirectoryListing.Listing listing =
        DirectoryListing.indexTxt(
            "2023/esa-2023-09953.json\n2022/esa-2022-02723.json".getBytes(StandardCharsets.UTF_8),
            DIR);

    assertEquals(2, listing.documents().size());
    assertEquals(Optional.empty(), listing.documents().get(1).listed());
  }
}
