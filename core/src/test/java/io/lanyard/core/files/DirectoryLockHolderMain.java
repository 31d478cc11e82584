package io.lanyard.core.files;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Another node, in a process of its own: takes the lock of the folder in {@code args[0]}, says {@code LOCKED}, and
 * holds it until a line arrives on its standard input (or the input ends).
 */
public final class DirectoryLockHolderMain {

    private DirectoryLockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        DirectoryLock.Held held = DirectoryLock.of(Path.of(args[0])).acquire();
        System.out.println("LOCKED");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        held.close();
        System.out.println("RELEASED");
    }
}
