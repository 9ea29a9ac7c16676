package io.idmswebhook.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff in the unified notation ({@code " "} kept, {@code "-"} removed, {@code "+"} added),
 * by longest common subsequence: registries.conf files are small, and the whole file with the
 * changes marked reads better in a pull request than hunks would.
 */
final class LineDiff {

    private LineDiff() {
    }

    static List<String> lines(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                out.add(" " + a[i++]);
                j++;
            } else if (j < b.length && (i == a.length || common[i][j + 1] >= common[i + 1][j])) {
                out.add("+" + b[j++]);
            } else {
                out.add("-" + a[i++]);
            }
        }
        // both texts end with a newline: the empty last "line" is no line of the file
        if (!out.isEmpty() && out.get(out.size() - 1).equals(" ")) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
