package dev.keel.core.source;

import java.util.ArrayList;
import java.util.List;

/** Splits marker and directive lines into words without a regex: they are read on every command. */
final class Words {

    private Words() {
    }

    /** The whitespace-separated words of a text. */
    static List<String> of(String s) {
        List<String> words = new ArrayList<>(4);
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(s.substring(start, i));
            }
        }
        return words;
    }

    /** The text after the first word, trimmed; empty when there is none. */
    static String afterFirst(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        while (i < n && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.substring(i).trim();
    }
}
