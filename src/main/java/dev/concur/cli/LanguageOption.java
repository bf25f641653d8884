package dev.concur.cli;

import dev.concur.input.InputException;
import dev.concur.report.Messages;
import picocli.CommandLine.Option;

/** {@code --lang es|en}, shared by every command that writes words for people (a picocli mixin). */
final class LanguageOption {
    @Option(names = "--lang", paramLabel = "LANG", descriptionKey = "lang",
            description = "language of reports and of --help: es or en (default: from your locale)")
    String lang;

    /** {@code es} or {@code en}: the option, else the locale's language. */
    String resolve() {
        if (lang == null) return Messages.defaultLanguage();
        if (!lang.equals("es") && !lang.equals("en")) throw new InputException("unknown language '" + lang + "'. Valid: es, en");
        return lang;
    }
}
