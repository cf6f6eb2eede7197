package vn.lachan.security.passkey;

import com.yubico.webauthn.CredentialRepository;
import com.yubico.webauthn.RegisteredCredential;
import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.lachan.security.identity.UserAccount;
import vn.lachan.security.identity.UserStore;

/**
 * Answers the WebAuthn library's questions from our stores. The library's "username" is the account's
 * normalized username, the name the authenticator shows beside the passkey. Thread-safe.
 */
final class StoreRepository implements CredentialRepository {
    private final PasskeyStore passkeys;
    private final UserStore users;

    StoreRepository(PasskeyStore passkeys, UserStore users) {
        this.passkeys = passkeys;
        this.users = users;
    }

    @Override
    public Set<PublicKeyCredentialDescriptor> getCredentialIdsForUsername(String username) {
        return users.byUsername(username).map(a -> passkeys.byUser(a.id())).orElse(List.of()).stream()
                .map(StoreRepository::descriptor)
                .collect(Collectors.toSet());
    }

    @Override
    public Optional<ByteArray> getUserHandleForUsername(String username) {
        return users.byUsername(username).flatMap(a -> handleOf(a.id())).map(ByteArray::new);
    }

    @Override
    public Optional<String> getUsernameForUserHandle(ByteArray userHandle) {
        return passkeys.userByHandle(userHandle.getBytes()).flatMap(users::byId).map(UserAccount::username);
    }

    @Override
    public Optional<RegisteredCredential> lookup(ByteArray credentialId, ByteArray userHandle) {
        return passkeys.byCredentialId(credentialId.getBytes())
                .filter(p -> Arrays.equals(p.userHandle(), userHandle.getBytes()))
                .map(StoreRepository::registered);
    }

    @Override
    public Set<RegisteredCredential> lookupAll(ByteArray credentialId) {
        return passkeys.byCredentialId(credentialId.getBytes()).stream()
                .map(StoreRepository::registered)
                .collect(Collectors.toSet());
    }

    /** Returns the handle the user's passkeys carry, or empty when the user has none yet. */
    Optional<byte[]> handleOf(UUID user) {
        return passkeys.byUser(user).stream().findFirst().map(Passkey::userHandle);
    }

    static RegisteredCredential registered(Passkey p) {
        return RegisteredCredential.builder()
                .credentialId(new ByteArray(p.credentialId()))
                .userHandle(new ByteArray(p.userHandle()))
                .publicKeyCose(new ByteArray(p.publicKey()))
                .signatureCount(p.signatureCount())
                .backupEligible(p.backupEligible())
                .backupState(p.backupState())
                .build();
    }

    private static PublicKeyCredentialDescriptor descriptor(Passkey p) {
        return PublicKeyCredentialDescriptor.builder()
                .id(new ByteArray(p.credentialId()))
                .transports(
                        p.transports().stream().map(AuthenticatorTransport::of).collect(Collectors.toSet()))
                .build();
    }
}
