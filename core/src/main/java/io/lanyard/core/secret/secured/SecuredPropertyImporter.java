package io.lanyard.core.secret.secured;

import io.lanyard.core.files.AtomicFileWriter;
import io.lanyard.core.secret.ResolvedSecret;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.SecretSource;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs once at start on Bitbucket 9+: moves the values of the names listed in {@code secrets.secured-properties}
 * into Lanyard's encrypted store, and reads back what earlier starts stored.
 *
 * <p>For each listed name of ours that has a value (environment variable first, then JVM system property, the
 * resolution order): the value is encrypted into the store, replacing any earlier one, and the JVM system property
 * is cleared once read. On a later start without the variable, the value comes from the store. An environment
 * variable cannot be removed from a running process: it is stored all the same and stays readable in the
 * process's environment until the host is started without it; Lanyard says so in the log.
 *
 * <p>"Tampered or unreadable store: a clear error for that secret, nothing else breaks": every failure ends in a
 * {@link ResolvedSecret#unreadable} for the names concerned and a log line naming files and names, never a value.
 */
public final class SecuredPropertyImporter {

    private static final Logger LOG = LoggerFactory.getLogger(SecuredPropertyImporter.class);

    /**
     * @param values                     what the resolver consults after the environment and the JVM properties
     * @param storedFromSystemProperties JVM properties now in the store: the resolver must read them from there
     */
    public record Result(SecuredPropertyValues values, Set<String> storedFromSystemProperties) {

        public Result {
            Objects.requireNonNull(values, "values");
            storedFromSystemProperties = Set.copyOf(storedFromSystemProperties);
        }
    }

    private record Fresh(Secret value, SecretSource origin) {
    }

    /** The store as found at start: usable (with its key, if there is one yet), or not, and why. */
    private record Opened(SecuredPropertyCipher cipher, SecuredPropertyStore.Contents contents, String brokenReason) {

        boolean broken() {
            return brokenReason != null;
        }
    }

    private final SecuredPropertyStore store;
    private final SecuredPropertyKeyFile keyFile;
    private final SecuredPropertyKeyFile nextKeyFile;
    private final SecureRandom random;

    public SecuredPropertyImporter(Path lanyardDirectory) {
        this(lanyardDirectory, AtomicFileWriter.ATOMIC_MOVE, new SecureRandom());
    }

    /** For tests: {@code replacer} stands in for the atomic rename of the store, e.g. to make it fail. */
    SecuredPropertyImporter(Path lanyardDirectory, AtomicFileWriter.Replacer replacer, SecureRandom random) {
        Path directory = lanyardDirectory.toAbsolutePath().normalize();
        this.store = new SecuredPropertyStore(directory, replacer);
        this.keyFile = new SecuredPropertyKeyFile(directory);
        this.nextKeyFile = SecuredPropertyKeyFile.next(directory);
        this.random = random;
    }

    /**
     * @param names               the names of ours listed in {@code secrets.secured-properties}
     * @param environment         the process environment at start
     * @param systemProperties    the JVM system properties at start (a snapshot; not changed here)
     * @param clearSystemProperty clears a JVM system property ({@code System::clearProperty})
     */
    public Result importAtStart(List<String> names, Map<String, String> environment,
            Map<String, String> systemProperties, Consumer<String> clearSystemProperty) {
        Map<String, Fresh> fresh = readFreshValues(names, environment, systemProperties, clearSystemProperty);
        Opened opened = open();
        if (opened.broken()) {
            LOG.warn("Lanyard's secured properties cannot be used: {}", opened.brokenReason());
            fresh.keySet().forEach(name -> LOG.warn("{} was not stored encrypted (the store cannot be used); it is "
                    + "used as given for this start only", name));
            Map<String, ResolvedSecret> failures = new TreeMap<>();
            names.forEach(name -> failures.put(name, ResolvedSecret.unreadable(name, opened.brokenReason())));
            return new Result(SecuredPropertyValues.of(failures), Set.of());
        }
        Opened current = fresh.isEmpty() ? opened : storeFresh(opened, fresh);
        // storeFresh gives back the store as it was when writing failed: then nothing moved into it.
        Set<String> storedFromJvm = current == opened ? Set.of() : fresh.entrySet().stream()
                .filter(e -> e.getValue().origin() == SecretSource.SYSTEM_PROPERTY)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        return new Result(decrypt(names, current), storedFromJvm);
    }

    /**
     * "clear the JVM system property after reading it": every listed JVM property is cleared, so that no other
     * code in the host can read it from {@code System.getProperties()} any more.
     */
    private static Map<String, Fresh> readFreshValues(List<String> names, Map<String, String> environment,
            Map<String, String> systemProperties, Consumer<String> clearSystemProperty) {
        Map<String, Fresh> fresh = new LinkedHashMap<>();
        for (String name : names) {
            String fromEnvironment = environment.get(name);
            String fromJvm = systemProperties.get(name);
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                fresh.put(name, new Fresh(Secret.of(fromEnvironment.strip()), SecretSource.ENVIRONMENT_VARIABLE));
            } else if (fromJvm != null && !fromJvm.isBlank()) {
                fresh.put(name, new Fresh(Secret.of(fromJvm.strip()), SecretSource.SYSTEM_PROPERTY));
            }
            if (fromJvm != null) {
                clearSystemProperty.accept(name);
            }
        }
        return fresh;
    }

    private Opened open() {
        try {
            Optional<SecuredPropertyStore.Contents> contents = store.read();
            Optional<byte[]> key = keyFile.read();
            if (contents.isEmpty()) {
                SecuredPropertyCipher cipher = key.isPresent() ? cipherOf(key.get()) : null;
                return new Opened(cipher, new SecuredPropertyStore.Contents(cipher == null ? "" : cipher.keyId(),
                        new TreeMap<>()), null);
            }
            if (key.isEmpty()) {
                return new Opened(null, null, "the key file " + keyFile.file() + " is missing: restore it from a "
                        + "backup, or delete " + store.file() + " and give the secured properties again");
            }
            SecuredPropertyCipher cipher = cipherOf(key.get());
            if (!cipher.keyId().equals(contents.get().keyId())) {
                // A key rotation between re-encrypting the store and its end: the store names the next key.
                Optional<SecuredPropertyCipher> next = nextKeyFile.read().map(this::cipherOrNull)
                        .filter(c -> c.keyId().equals(contents.get().keyId()));
                if (next.isPresent()) {
                    return new Opened(next.get(), contents.get(), null);
                }
                return new Opened(null, null, store.file() + " was written with another key than the one in "
                        + keyFile.file() + ": restore the matching key file, or delete " + store.file()
                        + " and give the secured properties again");
            }
            return new Opened(cipher, contents.get(), null);
        } catch (SecuredStoreException e) {
            return new Opened(null, null, e.getMessage());
        }
    }

    private SecuredPropertyCipher cipherOrNull(byte[] key) {
        try {
            return cipherOf(key);
        } catch (SecuredStoreException e) {
            return null;
        }
    }

    private SecuredPropertyCipher cipherOf(byte[] key) throws SecuredStoreException {
        try {
            return new SecuredPropertyCipher(key, random);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** "a new value replaces the stored one"; the old store stays as it was if writing fails. */
    private Opened storeFresh(Opened opened, Map<String, Fresh> fresh) {
        try {
            SecuredPropertyCipher cipher = opened.cipher() != null ? opened.cipher() : cipherOf(keyFile.create(random));
            SecuredPropertyStore.Contents contents = new SecuredPropertyStore.Contents(cipher.keyId(),
                    opened.contents().encrypted());
            for (Map.Entry<String, Fresh> entry : fresh.entrySet()) {
                contents = contents.with(entry.getKey(), cipher.encrypt(entry.getKey(), entry.getValue().value()));
            }
            store.write(contents);
            fresh.forEach(this::logStored);
            return new Opened(cipher, contents, null);
        } catch (SecuredStoreException e) {
            LOG.warn("Lanyard could not store {} encrypted: {}; they are used as given for this start only",
                    fresh.keySet(), e.getMessage());
            return opened;
        }
    }

    private void logStored(String name, Fresh fresh) {
        LOG.info("Stored {} (from the {}) encrypted in {}", name,
                fresh.origin() == SecretSource.ENVIRONMENT_VARIABLE ? "environment" : "JVM system properties",
                store.file());
        if (fresh.origin() == SecretSource.ENVIRONMENT_VARIABLE) {
            LOG.warn("{} is an environment variable: a process cannot remove its own environment variables, so it stays "
                    + "readable in this process's environment until the host is started without it. Set it inline for "
                    + "one start (NAME=value ./start-bitbucket.sh) and start without it afterwards: the encrypted "
                    + "value is used then", name);
        }
    }

    private static SecuredPropertyValues decrypt(List<String> names, Opened opened) {
        Map<String, ResolvedSecret> values = new TreeMap<>();
        for (String name : names) {
            String encrypted = opened.contents().encrypted().get(name);
            if (encrypted == null) {
                continue;
            }
            try {
                values.put(name, ResolvedSecret.found(opened.cipher().decrypt(name, encrypted),
                        SecretSource.SECURED_PROPERTY, name));
            } catch (SecuredStoreException e) {
                LOG.warn("The secured property {} cannot be used: {}", name, e.getMessage());
                values.put(name, ResolvedSecret.unreadable(name, e.getMessage()));
            }
        }
        return SecuredPropertyValues.of(values);
    }
}
