package vn.lachan.security.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lachan.security.envelope.Envelopes.ALICE;
import static vn.lachan.security.envelope.Envelopes.BOB;
import static vn.lachan.security.envelope.Envelopes.CAROL;
import static vn.lachan.security.envelope.Envelopes.SENDER;
import static vn.lachan.security.envelope.Envelopes.STRANGER;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lachan.security.crypto.signing.SigningKeys;

class EnvelopeTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 63, 64, 65, 128, 1000})
    void roundTripsAnyLengthAroundChunkBoundaries(int length) throws Exception {
        byte[] content = Envelopes.content(length, length);
        byte[] envelope = Envelopes.write(SENDER, content, 64, ALICE);
        assertThat(Envelopes.read(ALICE, envelope)).isEqualTo(content);
    }

    @Test
    void everyRecipientOpensAndTheHeaderDescribesTheEnvelope() throws Exception {
        byte[] content = Envelopes.content(5000, 7);
        byte[] envelope = Envelopes.write(SENDER, content, 1024, ALICE, BOB);
        assertThat(Envelopes.read(ALICE, envelope)).isEqualTo(content);
        assertThat(Envelopes.read(BOB, envelope)).isEqualTo(content);
        EnvelopeReader reader = new EnvelopeReader(BOB, List.of(STRANGER.getPublic(), SENDER.getPublic()));
        EnvelopeHeader header =
                reader.open(new ByteArrayInputStream(envelope), "x").header();
        assertThat(header.label()).isEqualTo("test/1");
        assertThat(header.created()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
        assertThat(header.senderFingerprint()).isEqualTo(SigningKeys.fingerprint(SENDER.getPublic()));
        assertThat(header.recipientFingerprints())
                .containsExactly(
                        ALICE.publicKey().fingerprint(), BOB.publicKey().fingerprint());
        assertThat(header.chunkSize()).isEqualTo(1024);
    }

    @Test
    void theCiphertextDoesNotContainThePlaintext() {
        Charset latin1 = StandardCharsets.ISO_8859_1;
        String secret = "Báo cáo sự cố an toàn thông tin mạng — tuyệt mật";
        byte[] content = secret.repeat(20).getBytes(StandardCharsets.UTF_8);
        String envelope = new String(Envelopes.write(SENDER, content, 256, ALICE), latin1);
        assertThat(envelope)
                .doesNotContain(new String("an toàn".getBytes(StandardCharsets.UTF_8), latin1))
                .doesNotContain("tuy");
    }

    @Test
    void refusesARecipientItIsNotAddressedTo() {
        byte[] envelope = Envelopes.write(SENDER, new byte[100], 64, ALICE, BOB);
        assertThatThrownBy(() -> Envelopes.read(CAROL, envelope))
                .isInstanceOfSatisfying(EnvelopeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(EnvelopeException.Reason.WRONG_RECIPIENT);
                    assertThat(e.problem().source()).isEqualTo("test.lenv");
                })
                .hasMessageContaining(
                        "not addressed to recipient " + CAROL.publicKey().fingerprint())
                .hasMessageContaining(ALICE.publicKey().fingerprint())
                .hasMessageContaining(BOB.publicKey().fingerprint());
    }

    @Test
    void refusesAPrivateKeyThatDoesNotMatchItsPublicKey() {
        byte[] envelope = Envelopes.write(SENDER, new byte[100], 64, ALICE);
        RecipientKeyPair impostor = new RecipientKeyPair(ALICE.publicKey(), CAROL.x25519(), CAROL.mlKem());
        assertThatThrownBy(() -> Envelopes.read(impostor, envelope))
                .isInstanceOfSatisfying(
                        EnvelopeException.class,
                        e -> assertThat(e.reason()).isEqualTo(EnvelopeException.Reason.WRONG_RECIPIENT))
                .hasMessageContaining("does not open with this private key");
        // Either half alone is not enough: the right X25519 key with a wrong ML-KEM key fails too.
        RecipientKeyPair half = new RecipientKeyPair(ALICE.publicKey(), ALICE.x25519(), CAROL.mlKem());
        assertThatThrownBy(() -> Envelopes.read(half, envelope))
                .hasMessageContaining("does not open with this private key");
        RecipientKeyPair otherHalf = new RecipientKeyPair(ALICE.publicKey(), CAROL.x25519(), ALICE.mlKem());
        assertThatThrownBy(() -> Envelopes.read(otherHalf, envelope))
                .hasMessageContaining("does not open with this private key");
    }

    @Test
    void refusesAnEnvelopeFromAnUntrustedSigner() {
        byte[] envelope = Envelopes.write(STRANGER, new byte[100], 64, ALICE);
        assertThatThrownBy(() -> Envelopes.read(ALICE, envelope))
                .isInstanceOfSatisfying(
                        EnvelopeException.class,
                        e -> assertThat(e.reason()).isEqualTo(EnvelopeException.Reason.UNKNOWN_SIGNER))
                .hasMessageContaining("signed by key " + SigningKeys.fingerprint(STRANGER.getPublic()))
                .hasMessageContaining("not among the trusted senders");
    }

    @Test
    void refusesAStrangerWhoClaimsToBeTheTrustedSender() throws Exception {
        // The stranger writes the trusted sender's key id in the header but can only sign with its own key.
        byte[] envelope = Envelopes.write(STRANGER, new byte[100], 64, ALICE);
        byte[] trustedId = java.util.HexFormat.of().parseHex(SigningKeys.fingerprint(SENDER.getPublic()));
        int labelLength = envelope[58] << 8 | envelope[59];
        System.arraycopy(trustedId, 0, envelope, 60 + labelLength, 16);
        assertThatThrownBy(() -> Envelopes.read(ALICE, envelope))
                .isInstanceOfSatisfying(
                        EnvelopeException.class,
                        e -> assertThat(e.reason()).isEqualTo(EnvelopeException.Reason.TAMPERED_HEADER));
    }

    @Test
    void recipientKeysSurviveSavingAndLoading() throws Exception {
        Path publicFile = dir.resolve("alice.pub");
        Path privateFile = dir.resolve("alice.key");
        RecipientKeyFiles.writePublic(publicFile, ALICE.publicKey());
        RecipientKeyFiles.writePrivate(privateFile, ALICE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile)))
                .isEqualTo("rw-------");
        RecipientPublicKey loadedPublic = RecipientKeyFiles.readPublic(publicFile);
        assertThat(loadedPublic.fingerprint()).isEqualTo(ALICE.publicKey().fingerprint());
        byte[] content = Envelopes.content(3000, 3);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (var out = new EnvelopeWriter(SENDER, Envelopes.CLOCK).open(sink, List.of(loadedPublic), "k")) {
            out.write(content);
        }
        assertThat(Envelopes.read(RecipientKeyFiles.readPrivate(privateFile), sink.toByteArray()))
                .isEqualTo(content);
        assertThat(ALICE.toString()).contains("<redacted>").doesNotContain("PRIVATE");
        Files.writeString(publicFile, Files.readString(publicFile).replaceAll("(?s)-----BEGIN ML-KEM.*", ""));
        assertThatThrownBy(() -> RecipientKeyFiles.readPublic(publicFile))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no 'ML-KEM-768 PUBLIC KEY' block");
    }

    @Test
    void refusesDataThatIsNotAnEnvelope() {
        byte[] text = "PK\u0003\u0004 not an envelope at all".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Envelopes.read(ALICE, text))
                .isInstanceOfSatisfying(
                        EnvelopeException.class,
                        e -> assertThat(e.reason()).isEqualTo(EnvelopeException.Reason.NOT_AN_ENVELOPE));
    }
}
