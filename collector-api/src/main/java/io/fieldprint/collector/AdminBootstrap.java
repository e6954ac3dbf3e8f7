package io.fieldprint.collector;

import io.fieldprint.collector.auth.Role;
import io.fieldprint.collector.auth.Tokens;
import io.fieldprint.collector.storage.CollectorStore;
import io.fieldprint.collector.storage.CreateResult;
import io.fieldprint.collector.storage.NewUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * No default credentials: on the first start (no users yet) an admin token is generated, stored
 * hashed, and written once to {@code admin-token} in the data directory, readable by the owner
 * only. Later starts leave it alone.
 */
final class AdminBootstrap {
  static final String FILE = "admin-token";

  private final CollectorStore store;
  private final Tokens tokens;

  AdminBootstrap(CollectorStore store, Tokens tokens) {
    this.store = store;
    this.tokens = tokens;
  }

  /** The file the new token was written to, or empty when users already existed. */
  Optional<Path> ensureAdmin(Path dataDirectory) throws IOException {
    if (store.hasUsers()) {
      return Optional.empty();
    }
    String token = tokens.generate("fpu_");
    Path target = dataDirectory.resolve(FILE);
    Path tmp =
        Files.createTempFile(
            dataDirectory,
            ".admin-token",
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(tmp, token + "\n", StandardCharsets.UTF_8);
      CreateResult created =
          store.createUser(
              new NewUser(tokens.id(), "admin", Role.ADMIN, true, Set.of(), Tokens.hash(token)),
              "collector:first-start");
      if (created != CreateResult.CREATED) {
        // another collector on the same database created the first admin a moment earlier
        return Optional.empty();
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return Optional.of(target);
  }
}
