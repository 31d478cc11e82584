package io.lanyard.osgi;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a class file asks of the host, read from its constant pool: every class, method and field of
 * {@code com.atlassian} it names, written as the JVM links it ({@code owner.name descriptor}; a method by its parameter
 * and return types). This is what must exist on the product, whatever our declarations say.
 */
final class HostReferences {

    private static final String HOST_PREFIX = "com/atlassian/";

    private HostReferences() {
    }

    /** The host references of one class file: {@code com/atlassian/X}, {@code com/atlassian/X.m(...)R}, {@code com/atlassian/X.f:T}. */
    static Set<String> of(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        int[] tags = new int[count];
        Object[] values = new Object[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            tags[i] = tag;
            switch (tag) {
                case 1 -> values[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7, 8, 16, 19, 20 -> values[i] = in.readUnsignedShort();
                case 9, 10, 11, 12, 17, 18 -> values[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> references = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            if (tags[i] == 7) {
                String name = (String) values[(Integer) values[i]];
                if (name.startsWith(HOST_PREFIX)) {
                    references.add(name);
                }
            } else if (tags[i] == 9 || tags[i] == 10 || tags[i] == 11) {
                int[] ref = (int[]) values[i];
                String owner = (String) values[(Integer) values[ref[0]]];
                if (owner.startsWith(HOST_PREFIX)) {
                    int[] nameAndType = (int[]) values[ref[1]];
                    String name = (String) values[nameAndType[0]];
                    String descriptor = (String) values[nameAndType[1]];
                    references.add(owner + "." + name + (tags[i] == 9 ? ":" : "") + descriptor);
                }
            }
        }
        return references;
    }
}
