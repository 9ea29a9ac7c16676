package io.idmswebhook.admission;

/**
 * Strict UTF-8 (RFC 3629): no overlong forms, no encoded surrogates, nothing past U+10FFFF. One
 * pass over the bytes, no allocation, so it costs a body of the maximum size about a millisecond.
 */
final class Utf8 {

    private Utf8() {
    }

    /** The offset of the first byte that starts an invalid sequence, or -1 when all is valid. */
    static int firstInvalid(byte[] b) {
        int i = 0;
        int n = b.length;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int len;
            int min;
            int max = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                len = 2;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                len = 3;
                // E0 needs A0.. (else overlong); ED stops at 9F (else a surrogate).
                min = c == 0xE0 ? 0xA0 : 0x80;
                max = c == 0xED ? 0x9F : 0xBF;
            } else if (c >= 0xF0 && c <= 0xF4) {
                len = 4;
                // F0 needs 90.. (else overlong); F4 stops at 8F (else past U+10FFFF).
                min = c == 0xF0 ? 0x90 : 0x80;
                max = c == 0xF4 ? 0x8F : 0xBF;
            } else {
                return i;
            }
            if (i + len > n) {
                return i;
            }
            int second = b[i + 1] & 0xFF;
            if (second < min || second > max) {
                return i;
            }
            for (int k = 2; k < len; k++) {
                int cont = b[i + k] & 0xFF;
                if (cont < 0x80 || cont > 0xBF) {
                    return i;
                }
            }
            i += len;
        }
        return -1;
    }
}
