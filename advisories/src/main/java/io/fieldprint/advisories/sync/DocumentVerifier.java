package io.fieldprint.advisories.sync;

import io.fieldprint.advisories.csaf.CsafDocument;
import io.fieldprint.advisories.csaf.CsafReader;
import io.fieldprint.advisories.csaf.CsafResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fetches one listed document and proves it: hash (requirement 18: {@code .sha512} preferred, else
 * {@code .sha256}), OpenPGP signature (requirement 19), the extra {@link DocumentCheck} (schema),
 * then {@link CsafReader}. The first failing step rejects the document with its reason.
 */
final class DocumentVerifier {

  /** The outcome for one document. */
  sealed interface Outcome {}

  record Accepted(byte[] bytes, CsafDocument document) implements Outcome {}

  record Rejected(String reason) implements Outcome {}

  private final HttpFetcher http;
  private final SyncLimits limits;
  private final ProviderConfig config;
  private final SignatureCheck signatures;
  private final DocumentCheck check;
  private final CsafReader reader;

  DocumentVerifier(
      HttpFetcher http,
      SyncLimits limits,
      ProviderConfig config,
      SignatureCheck signatures,
      DocumentCheck check,
      CsafReader reader) {
    this.http = http;
    this.limits = limits;
    this.config = config;
    this.signatures = signatures;
    this.check = check;
    this.reader = reader;
  }

  Outcome verify(DocumentRef ref) {
    Fetched fetched = http.get(ref.url(), limits.maxDocumentBytes());
    if (fetched instanceof Fetched.Failed f) {
      return new Rejected("document not fetched: " + f.reason());
    }
    byte[] bytes = ((Fetched.Body) fetched).bytes();
    Optional<String> problem =
        hashProblem(ref, bytes)
            .or(() -> signatureProblem(ref, bytes))
            .or(() -> check.problem(bytes));
    if (problem.isPresent()) {
      return new Rejected(problem.get());
    }
    CsafResult result = reader.read(bytes);
    if (result instanceof CsafResult.Rejected r) {
      return new Rejected("not a usable CSAF document: " + r.reason());
    }
    return new Accepted(bytes, (CsafDocument) result);
  }

  private Optional<String> hashProblem(DocumentRef ref, byte[] bytes) {
    String fileName = fileName(ref.url());
    List<String> misses = new ArrayList<>();
    for (HashCandidate candidate : hashCandidates(ref)) {
      Fetched f = http.get(candidate.url(), SyncLimits.MAX_SIDECAR_BYTES);
      if (f instanceof Fetched.Failed failed) {
        if (!failed.notFound()) {
          return Optional.of("hash file not fetched: " + failed.reason());
        }
        misses.add(candidate.url().toString());
        continue;
      }
      StringBuilder why = new StringBuilder();
      Optional<HashFile> hash =
          HashFile.parse(((Fetched.Body) f).bytes(), candidate.algorithm(), why);
      if (hash.isEmpty()) {
        return Optional.of(why.toString());
      }
      return hash.get().mismatch(bytes, fileName);
    }
    return config.requireHashes()
        ? Optional.of("no hash file found (" + String.join(", ", misses) + ")")
        : Optional.empty();
  }

  private Optional<String> signatureProblem(DocumentRef ref, byte[] bytes) {
    if (!config.requireSignatures() && !signatures.hasKeys()) {
      return Optional.empty();
    }
    URI url = ref.signatureUrl().orElse(sibling(ref.url(), ".asc"));
    Fetched f = http.get(url, SyncLimits.MAX_SIDECAR_BYTES);
    if (f instanceof Fetched.Failed failed) {
      if (failed.notFound() && !config.requireSignatures()) {
        return Optional.empty();
      }
      return Optional.of(
          failed.notFound()
              ? "no OpenPGP signature (" + url + ") and signatures are required"
              : "signature not fetched: " + failed.reason());
    }
    return signatures.problem(bytes, ((Fetched.Body) f).bytes());
  }

  private record HashCandidate(URI url, String algorithm) {}

  private static List<HashCandidate> hashCandidates(DocumentRef ref) {
    List<HashCandidate> out = new ArrayList<>();
    List<URI> listed = ref.hashUrls();
    for (String ext : List.of(".sha512", ".sha256")) {
      String algorithm = ext.equals(".sha512") ? "SHA-512" : "SHA-256";
      if (listed.isEmpty()) {
        out.add(new HashCandidate(sibling(ref.url(), ext), algorithm));
      } else {
        listed.stream()
            .filter(u -> u.getPath() != null && u.getPath().endsWith(ext))
            .findFirst()
            .ifPresent(u -> out.add(new HashCandidate(u, algorithm)));
      }
    }
    return out;
  }

  private static URI sibling(URI document, String extension) {
    return URI.create(document.toString() + extension);
  }

  private static String fileName(URI url) {
    String path = url.getPath() == null ? "" : url.getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
