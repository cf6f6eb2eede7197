package vn.lachan.store;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/** Makes seeded random field trees of the kinds parsers and normalizers produce, and a few they do not. */
final class RandomTrees {
    private static final String[] TEXTS = {
        "",
        "a",
        "Admin",
        "C:\\Windows\\System32\\cmd.exe /c \"echo\"",
        "tab\there\nnewline",
        "Nguyễn Văn Ân",
        "Nguye\u0302\u0303n",
        "😀 emoji",
        "\u0000nul",
        "ключ",
        "日本語のテキスト",
        "x".repeat(300),
        "é".repeat(70)
    };

    private RandomTrees() {}

    static Map<String, @Nullable Object> map(SplittableRandom random, int depth) {
        int size = random.nextInt(depth == 0 ? 40 : 6);
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(text(random) + i, value(random, depth + 1));
        }
        return map;
    }

    private static @Nullable Object value(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth < 4 ? 12 : 10);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextLong();
            case 3 -> (long) random.nextInt(-1000, 1000);
            case 4 -> random.nextInt();
            case 5 -> random.nextDouble() * Math.pow(10, random.nextInt(-20, 20));
            case 6 -> new BigInteger(random.nextInt(1, 200), new java.util.Random(random.nextLong()));
            case 7, 8, 9 -> text(random);
            case 10 -> map(random, depth);
            default -> list(random, depth);
        };
    }

    private static List<@Nullable Object> list(SplittableRandom random, int depth) {
        List<@Nullable Object> list = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            list.add(value(random, depth + 1));
        }
        return list;
    }

    private static String text(SplittableRandom random) {
        return TEXTS[random.nextInt(TEXTS.length)];
    }
}
