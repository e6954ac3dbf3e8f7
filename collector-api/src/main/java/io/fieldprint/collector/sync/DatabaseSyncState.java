package io.fieldprint.collector.sync;

import io.fieldprint.advisories.sync.DocumentState;
import io.fieldprint.advisories.sync.InMemorySyncState;
import io.fieldprint.collector.storage.StoreException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The sync state in the collector's database (tables {@code advisory_sync_documents} and {@code
 * advisory_sync_pinned_keys}), so every collector on one database continues where the last round,
 * on whichever collector, left off. Read whole at the start of a round; what the round accepts is
 * written in one transaction per provider ({@link #commit()}).
 */
final class DatabaseSyncState extends InMemorySyncState {
  private final DataSource dataSource;
  private final List<Accepted> pendingDocuments = new ArrayList<>();
  private final List<String[]> pendingKeys = new ArrayList<>();

  private record Accepted(String provider, URI url, DocumentState state) {}

  private DatabaseSyncState(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The state as stored now. */
  static DatabaseSyncState load(DataSource dataSource) {
    DatabaseSyncState state = new DatabaseSyncState(dataSource);
    try (Connection c = dataSource.getConnection()) {
      state.loadDocuments(c);
      state.loadKeys(c);
    } catch (SQLException e) {
      throw new StoreException("sync state not read: " + e.getMessage(), e);
    }
    state.pendingDocuments.clear();
    state.pendingKeys.clear();
    return state;
  }

  private void loadDocuments(Connection c) throws SQLException {
    String sql =
        "SELECT provider, url, listed, current_release_date, tracking_version, sha256"
            + " FROM advisory_sync_documents";
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long listed = rs.getLong(3);
        Optional<Instant> listedAt =
            rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(listed));
        super.accepted(
            rs.getString(1),
            URI.create(rs.getString(2)),
            new DocumentState(
                listedAt, Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), rs.getString(6)));
      }
    }
  }

  private void loadKeys(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT provider, fingerprint FROM advisory_sync_pinned_keys");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        super.pinKey(rs.getString(1), rs.getString(2));
      }
    }
  }

  @Override
  public synchronized void accepted(String provider, URI url, DocumentState state) {
    super.accepted(provider, url, state);
    pendingDocuments.add(new Accepted(provider, url, state));
  }

  @Override
  public synchronized void pinKey(String provider, String fingerprint) {
    super.pinKey(provider, fingerprint);
    pendingKeys.add(new String[] {provider, fingerprint});
  }

  @Override
  public synchronized void commit() throws IOException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        writeDocuments(c);
        writeKeys(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IOException("sync state not written: " + e.getMessage(), e);
    }
    pendingDocuments.clear();
    pendingKeys.clear();
  }

  private void writeDocuments(Connection c) throws SQLException {
    String sql =
        "INSERT INTO advisory_sync_documents (provider, url_sha256, url, listed,"
            + " current_release_date, tracking_version, sha256) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (provider, url_sha256) DO UPDATE SET url = excluded.url,"
            + " listed = excluded.listed, current_release_date = excluded.current_release_date,"
            + " tracking_version = excluded.tracking_version, sha256 = excluded.sha256";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (Accepted a : pendingDocuments) {
        ps.setString(1, a.provider());
        ps.setString(2, sha256(a.url().toString()));
        ps.setString(3, a.url().toString());
        if (a.state().listed().isPresent()) {
          ps.setLong(4, a.state().listed().get().toEpochMilli());
        } else {
          ps.setNull(4, Types.BIGINT);
        }
        ps.setLong(5, a.state().currentReleaseDate().toEpochMilli());
        ps.setString(6, a.state().trackingVersion());
        ps.setString(7, a.state().sha256());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void writeKeys(Connection c) throws SQLException {
    String sql =
        "INSERT INTO advisory_sync_pinned_keys (provider, fingerprint) VALUES (?, ?)"
            + " ON CONFLICT (provider, fingerprint) DO NOTHING";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (String[] k : pendingKeys) {
        ps.setString(1, k[0]);
        ps.setString(2, k[1]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
