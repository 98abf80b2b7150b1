package uz.suhbat.adapter.out.ai.isolated;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Takes the {@code Runtime.getRuntime().addShutdownHook(thread)} calls out of a class file: each
 * {@code invokevirtual java/lang/Runtime.addShutdownHook} becomes {@code pop2; nop; nop} (the same length, the same
 * stack after it, so the stack map frames still hold). ONNX Runtime's {@code OrtEnvironment} registers a hook that
 * frees its environment at exit; a registered hook is a thread whose task is a class of {@link RuntimeClassLoader},
 * which would keep that loader (its classes, and with them its native libraries) for the life of the process. The
 * process's exit frees the environment as well.
 */
final class WithoutShutdownHooks {

    private static final int INVOKEVIRTUAL = 0xb6;
    private static final int POP2 = 0x58;
    private static final int NOP = 0x00;

    private WithoutShutdownHooks() {
    }

    /** The class file with every call of {@code Runtime.addShutdownHook} taken out (the same bytes when it has none). */
    static byte[] patch(byte[] classFile) {
        byte[] patched = classFile.clone();
        ByteBuffer in = ByteBuffer.wrap(patched);
        in.position(8);
        int count = in.getShort() & 0xffff;
        int[] offsets = new int[count];
        int[] tags = new int[count];
        for (int i = 1; i < count; i++) {
            offsets[i] = in.position();
            int tag = in.get() & 0xff;
            tags[i] = tag;
            switch (tag) {
                case 1 -> {
                    int length = in.getShort() & 0xffff;
                    in.position(in.position() + length);
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.position(in.position() + 4);
                case 5, 6 -> {
                    in.position(in.position() + 8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> in.position(in.position() + 2);
                case 15 -> in.position(in.position() + 3);
                default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
            }
        }
        int hook = -1;
        for (int i = 1; i < count; i++) {
            if (tags[i] == 10) {
                int classIndex = in.getShort(offsets[i] + 1) & 0xffff;
                int nameAndType = in.getShort(offsets[i] + 3) & 0xffff;
                String owner = utf8(in, offsets, in.getShort(offsets[classIndex] + 1) & 0xffff);
                String name = utf8(in, offsets, in.getShort(offsets[nameAndType] + 1) & 0xffff);
                String descriptor = utf8(in, offsets, in.getShort(offsets[nameAndType] + 3) & 0xffff);
                if (owner.equals("java/lang/Runtime") && name.equals("addShutdownHook") && descriptor.equals("(Ljava/lang/Thread;)V")) {
                    hook = i;
                }
            }
        }
        if (hook < 0) {
            return classFile;
        }
        in.position(in.position() + 6); // access flags, this class, super class
        int interfaces = in.getShort() & 0xffff;
        in.position(in.position() + 2 * interfaces);
        skipMembers(in, offsets, hook, false); // fields
        skipMembers(in, offsets, hook, true); // methods: their Code attributes are patched
        return patched;
    }

    private static void skipMembers(ByteBuffer in, int[] offsets, int hook, boolean methods) {
        int members = in.getShort() & 0xffff;
        for (int m = 0; m < members; m++) {
            in.position(in.position() + 6);
            int attributes = in.getShort() & 0xffff;
            for (int a = 0; a < attributes; a++) {
                String name = utf8(in, offsets, in.getShort() & 0xffff);
                int length = in.getInt();
                int start = in.position();
                if (methods && name.equals("Code")) {
                    int codeLength = in.getInt(start + 4);
                    patchCode(in, start + 8, codeLength, hook);
                }
                in.position(start + length);
            }
        }
    }

    /** Walks the instructions (so that an operand is never taken for an opcode) and replaces the hook's calls. */
    private static void patchCode(ByteBuffer in, int code, int length, int hook) {
        int pc = 0;
        while (pc < length) {
            int opcode = in.get(code + pc) & 0xff;
            if (opcode == INVOKEVIRTUAL && (in.getShort(code + pc + 1) & 0xffff) == hook) {
                in.put(code + pc, (byte) POP2);
                in.put(code + pc + 1, (byte) NOP);
                in.put(code + pc + 2, (byte) NOP);
            }
            pc += instructionLength(in, code, pc, opcode);
        }
    }

    private static int instructionLength(ByteBuffer in, int code, int pc, int opcode) {
        switch (opcode) {
            case 0x10, 0x12, 0x15, 0x16, 0x17, 0x18, 0x19, 0x36, 0x37, 0x38, 0x39, 0x3a, 0xa9, 0xbc:
                return 2;
            case 0x11, 0x13, 0x14, 0x84, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xbb, 0xbd, 0xc0, 0xc1, 0xc6, 0xc7:
                return 3;
            case 0xc5:
                return 4;
            case 0xb9, 0xba, 0xc8, 0xc9:
                return 5;
            case 0xc4: // wide
                return (in.get(code + pc + 1) & 0xff) == 0x84 ? 6 : 4;
            case 0xaa: { // tableswitch
                int at = code + pc + 1 + padding(pc);
                int low = in.getInt(at + 4);
                int high = in.getInt(at + 8);
                return 1 + padding(pc) + 12 + 4 * (high - low + 1);
            }
            case 0xab: { // lookupswitch
                int at = code + pc + 1 + padding(pc);
                int pairs = in.getInt(at + 4);
                return 1 + padding(pc) + 8 + 8 * pairs;
            }
            default:
                if (opcode >= 0x99 && opcode <= 0xa8) {
                    return 3; // branches, goto, jsr
                }
                return 1;
        }
    }

    private static int padding(int pc) {
        return (4 - ((pc + 1) % 4)) % 4;
    }

    private static String utf8(ByteBuffer in, int[] offsets, int index) {
        int at = offsets[index];
        int length = in.getShort(at + 1) & 0xffff;
        byte[] bytes = new byte[length];
        in.get(at + 3, bytes);
        // modified UTF-8 differs from UTF-8 only for NUL and supplementary characters, which none of the names compared has
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
