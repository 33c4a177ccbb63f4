// Catalogue and locale: CLDR plural categories for en, de, fr, es, pl, cs and ru, numbers and money as each language
// writes them, German complete with the English placeholders, the language chosen by its base subtag, and the
// schema's "strings" listing exactly the catalogue's keys.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/catalogue.h"
#include "core/json_doc.h"
#include "core/locale.h"
#include "helpers.h"

using namespace cr;

namespace {

Plural cat(const char* language, double n) {
    const std::string plain = format_number(n);
    const size_t point = plain.find('.');
    return plural_category(*find_locale(language), n, point == std::string::npos ? 0 : static_cast<int>(plain.size() - point - 1));
}

const std::string kNbsp = "\xC2\xA0";

}  // namespace

TEST_CASE("locale: CLDR cardinal categories, whole numbers and decimals") {
    CHECK(cat("en", 1) == Plural::One);
    CHECK(cat("en", 0) == Plural::Other);
    CHECK(cat("en", 1.5) == Plural::Other);
    CHECK(cat("de", 1) == Plural::One);
    CHECK(cat("de", 2) == Plural::Other);
    CHECK(cat("fr", 0) == Plural::One);
    CHECK(cat("fr", 1.5) == Plural::One);
    CHECK(cat("fr", 2) == Plural::Other);
    CHECK(cat("fr", 1000000) == Plural::Many);
    CHECK(cat("es", 1) == Plural::One);
    CHECK(cat("es", 0) == Plural::Other);
    CHECK(cat("es", 2000000) == Plural::Many);
    // Counts too large for an integer (fuzz_form: 2.2e43 points from a damaged form, a cast out of range before).
    CHECK(cat("fr", 1e21) == Plural::Many);
    CHECK(cat("pl", 2.2e43) == Plural::Many);
    CHECK(cat("en", 2.2e43) == Plural::Other);
    CHECK(cat("en", INFINITY) == Plural::Other);
    CHECK(cat("cs", NAN) == Plural::Other);
    CHECK(cat("pl", 1) == Plural::One);
    CHECK(cat("pl", 2) == Plural::Few);
    CHECK(cat("pl", 4) == Plural::Few);
    CHECK(cat("pl", 5) == Plural::Many);
    CHECK(cat("pl", 12) == Plural::Many);
    CHECK(cat("pl", 22) == Plural::Few);
    CHECK(cat("pl", 21) == Plural::Many);
    CHECK(cat("pl", 0) == Plural::Many);
    CHECK(cat("pl", 1.5) == Plural::Other);
    CHECK(cat("cs", 1) == Plural::One);
    CHECK(cat("cs", 3) == Plural::Few);
    CHECK(cat("cs", 5) == Plural::Other);
    CHECK(cat("cs", 1.5) == Plural::Many);
    CHECK(cat("ru", 1) == Plural::One);
    CHECK(cat("ru", 21) == Plural::One);
    CHECK(cat("ru", 11) == Plural::Many);
    CHECK(cat("ru", 22) == Plural::Few);
    CHECK(cat("ru", 14) == Plural::Many);
    CHECK(cat("ru", 5) == Plural::Many);
    CHECK(cat("ru", 2.5) == Plural::Other);
}

TEST_CASE("locale: numbers and money as each language writes them") {
    CHECK(format_number(english_locale(), 2000) == "2,000");
    CHECK(format_number(english_locale(), 999) == "999");
    CHECK(format_number(english_locale(), -1234.5) == "-1,234.5");
    CHECK(format_number(*find_locale("de"), 1234567.25) == "1.234.567,25");
    CHECK(format_number(*find_locale("de"), 2.5) == "2,5");
    CHECK(format_number(*find_locale("es"), 1000) == "1000");
    CHECK(format_number(*find_locale("es"), 10000) == "10.000");
    CHECK(format_number(*find_locale("pl"), 10000) == "10" + kNbsp + "000");
    CHECK(format_money(english_locale(), 2000, "USD") == "$2,000");
    CHECK(format_money(english_locale(), 2000, "CHF") == "CHF" + kNbsp + "2,000");
    CHECK(format_money(*find_locale("de"), 70000, "USD") == "70.000" + kNbsp + "$");
    CHECK(format_money(*find_locale("de"), 2000.4, "EUR") == "2.000" + kNbsp + "\xE2\x82\xAC");
    CHECK(format_money(*find_locale("fr"), 2000, "USD") == "2" + kNbsp + "000" + kNbsp + "$US");
}

TEST_CASE("locale: the base language picks the data; unknown languages have none") {
    CHECK(base_language("de-AT") == "de");
    CHECK(base_language("DE_ch") == "de");
    CHECK(find_locale("pl-PL") == find_locale("pl"));
    CHECK(find_locale("xx") == nullptr);
    CHECK(find_locale("") == nullptr);
}

TEST_CASE("catalogue: every key has a German value with the English placeholders") {
    const Catalogue english, german("de", {});
    for (size_t k = 0; k < static_cast<size_t>(Key::Count); ++k) {
        const Key key = static_cast<Key>(k);
        CAPTURE(key_name(key));
        CHECK(german.translated(key));
        for (Plural p : {Plural::One, Plural::Other})
            CHECK(placeholders(german.form(key, p)) == placeholders(english.form(key, p)));
    }
}

TEST_CASE("catalogue: the page's words, each built-in language's own; only CannotLoad is also the widget's") {
    CHECK(built_in_languages() == std::vector<std::string>{"en", "de"});
    for (const std::string& language : built_in_languages()) CHECK(has_words(language));
    const Catalogue english, german("de", {});
    for (Key key : kPageWords) {
        CAPTURE(key_name(key));
        CHECK(german.form(key, Plural::Other) != english.form(key, Plural::Other));
        CHECK(page_only(key) == (key != Key::CannotLoad));
    }
    CHECK_FALSE(page_only(Key::Next));
    CHECK(german.form(Key::PageNeedsScript, Plural::Other) == "Dieses Quiz braucht JavaScript.");
}

TEST_CASE("catalogue: a language's base subtag picks its words, English otherwise") {
    CHECK(Catalogue("de-AT", {}).form(Key::Next, Plural::Other) == "Weiter");
    CHECK(Catalogue("xx", {}).form(Key::Next, Plural::Other) == "Next");
    CHECK_FALSE(Catalogue("xx", {}).translated(Key::Next));
    CHECK(has_words("en-GB"));
    CHECK(has_words("de"));
    CHECK_FALSE(has_words("pl"));
}

TEST_CASE("catalogue: key names are the X-macro's and find their key") {
    CHECK(std::string(key_name(Key::QuestionCount)) == "QuestionCount");
    for (size_t k = 0; k < static_cast<size_t>(Key::Count); ++k)
        CHECK(key_named(key_name(static_cast<Key>(k))) == static_cast<Key>(k));
    CHECK(key_named("Nope") == Key::Count);
    CHECK(counted(Key::QuestionCount));
    CHECK_FALSE(counted(Key::Next));
    CHECK(placeholders("{0} of {n} point ({1}%) {0} {x}") == std::vector<std::string>{"{0}", "{n}", "{1}"});
}

TEST_CASE("catalogue: tr and tr_count read the current catalogue; German counts and numbers") {
    set_catalogue(Catalogue("de", {}));
    CHECK(tr(Key::Progress, {"2", "9"}) == "Frage 2 von 9");
    CHECK(tr_count(Key::QuestionCount, 1) == "1 Frage");
    CHECK(tr_count(Key::QuestionCount, 12) == "12 Fragen");
    CHECK(tr_count(Key::MarginPoints, 1.5) == "1,5 Punkte");
    CHECK(tr_money(110000, "USD") == "110.000" + kNbsp + "$");
    set_catalogue(Catalogue());
    CHECK(tr_count(Key::QuestionCount, 1) == "1 question");
    CHECK(tr_count(Key::QuestionCount, 1000) == "1,000 questions");
}

TEST_CASE("catalogue: tr_count in a given catalogue ignores the current one (the studio's count of problems)") {
    set_catalogue(Catalogue("de", {}));
    CHECK(tr_count(Catalogue(), Key::ProblemCount, 1) == "1 problem: see its mark in the margin.");
    CHECK(tr_count(Catalogue(), Key::ProblemCount, 2) == "2 problems: see the marks in the margin.");
    CHECK(tr_count(Key::ProblemCount, 2) == "2 Probleme: siehe die Markierungen am Rand.");
    set_catalogue(Catalogue());
    CHECK(tr_count(Catalogue("de", {}), Key::ProblemCount, 1) == "1 Problem: siehe seine Markierung am Rand.");
    CHECK(tr_count(Catalogue("de", {}), Key::ProblemCount, 1000) == "1.000 Probleme: siehe die Markierungen am Rand.");
}

TEST_CASE("catalogue: a counted English text under another language's rules keeps English's choice") {
    // A Polish quiz without its own QuestionCount: 5 is CLDR 'many' in Polish, but the English text has one/other.
    set_catalogue(Catalogue("pl", {}));
    CHECK(tr_count(Key::QuestionCount, 1) == "1 question");
    CHECK(tr_count(Key::QuestionCount, 5) == "5 questions");
    set_catalogue(Catalogue());
}

TEST_CASE("catalogue: the schema's \"strings\" lists every key, counted ones with plural forms") {
    std::ifstream in(std::string(CR_SOURCE_DIR) + "/content/schema/quiz.schema.json");
    std::stringstream text;
    text << in.rdbuf();
    const Json schema = Json::parse(text.str());
    const Json& props = schema["properties"]["strings"]["properties"];
    CHECK(props.size() == static_cast<size_t>(Key::Count));
    for (size_t k = 0; k < static_cast<size_t>(Key::Count); ++k) {
        const Key key = static_cast<Key>(k);
        CAPTURE(key_name(key));
        REQUIRE(props.contains(key_name(key)));
        CHECK(props[key_name(key)]["$ref"] == (counted(key) ? "#/$defs/counted_text" : "#/$defs/text"));
    }
}
