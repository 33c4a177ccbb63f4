// Crossroads core, the loader's "strings": the widget's own words in a quiz's words, each known by its key, with the
// plural forms its language counts in and only the placeholders the widget fills.
#include "loader_internal.h"

#include <algorithm>

#include "catalogue.h"

namespace cr::loader {

void QuizBuilder::read_strings(const Json& root) {
    const Locale* found = find_locale(quiz_.language);
    const Locale& locale = found ? *found : english_locale();
    const Json* list = r_.field(root, "", "strings", false);
    if (list && r_.is_object(*list, "strings")) {
        std::vector<std::string> names;
        for (size_t k = 0; k < static_cast<size_t>(Key::Count); ++k) names.push_back(key_name(static_cast<Key>(k)));
        for (const auto& item : list->items()) {
            const std::string path = path_key("strings", item.key());
            WordOverride o;
            o.key = key_named(item.key());
            if (o.key == Key::Count) {
                r_.error(path, "unknown widget string '" + item.key() + "'" + did_you_mean(item.key(), names) +
                                   "; the names are listed in docs/content-format.md, section 15",
                         Check::UnknownKey);
                continue;
            }
            const Json& v = item.value();
            if (v.is_object() && counted(o.key)) {
                for (const auto& form : v.items()) read_plural_form(o, form.key(), form.value(), path, locale);
                if (!v.contains("other"))
                    r_.error(path_key(path, "other"), "missing required key 'other': the form for every count no "
                                                      "other category covers", Check::Required);
            } else if (v.is_object()) {
                r_.error(path, "'" + item.key() + "' takes no count: give it one string", Check::Type);
            } else if (!v.is_string()) {
                r_.error(path, std::string("expected a string") + (counted(o.key) ? " or an object of plural forms" : "") +
                                   ", found " + type_name(v), Check::Type);
            } else {
                read_string_text(o.key, v, path, o.forms[static_cast<int>(Plural::Other)]);
            }
            quiz_.strings.push_back(std::move(o));
        }
    }
    if (has_words(quiz_.language)) return;
    size_t english = static_cast<size_t>(Key::Count) - quiz_.strings.size();
    if (english > 0)
        r_.warning(root.contains("language") ? "language" : "",
                   "the widget has no words of its own for '" + quiz_.language + "', so " + std::to_string(english) +
                       " of its " + std::to_string(static_cast<size_t>(Key::Count)) +
                       " strings (buttons, progress, headings, notices) will be English unless given in \"strings\"");
}

void QuizBuilder::read_plural_form(WordOverride& o, const std::string& name, const Json& text, const std::string& path,
                      const Locale& locale) {
    const std::string p = path_key(path, name);
    std::string used;
    int category = -1;
    for (int c = 0; c < kPluralCount; ++c) {
        if (!(locale.plurals & (1u << c))) continue;
        used += std::string(used.empty() ? "" : ", ") + plural_name(static_cast<Plural>(c));
        if (name == plural_name(static_cast<Plural>(c))) category = c;
    }
    if (category < 0) {
        bool cldr = false;
        for (int c = 0; c < kPluralCount; ++c) cldr = cldr || name == plural_name(static_cast<Plural>(c));
        r_.error(p, (cldr ? "'" + quiz_.language + "' has no '" + name + "' form" : "unknown plural category '" + name + "'") +
                        ": its counts take " + used + " (CLDR plural rules)",
                 cldr ? Check::Rule : Check::UnknownKey);
        return;
    }
    read_string_text(o.key, text, p, o.forms[category]);
}

// One text of a widget string: a string, not blank, with no placeholder the key does not fill.
void QuizBuilder::read_string_text(Key key, const Json& v, const std::string& path, std::string& out) {
    if (!v.is_string()) {
        r_.error(path, std::string("expected a string, found ") + type_name(v), Check::Type);
        return;
    }
    const std::string& text = v.get_ref<const std::string&>();
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        r_.error(path, "must not be empty", Check::Empty);
        return;
    }
    const Catalogue english;
    std::vector<std::string> has = placeholders(english.form(key, Plural::One) + english.form(key, Plural::Other));
    auto listed = [](const std::vector<std::string>& list) {
        std::string out;
        for (const auto& p : list) out += (out.empty() ? "" : ", ") + p;
        return list.empty() ? std::string("none") : out;
    };
    for (const std::string& p : placeholders(text))
        if (std::find(has.begin(), has.end(), p) == has.end())
            r_.error(path, "'" + std::string(key_name(key)) + "' fills no " + p + "; its placeholders are " + listed(has));
    for (const std::string& p : has)
        if (p != "{n}" && text.find(p) == std::string::npos)
            r_.warning(path, "leaves out " + p + ", which '" + key_name(key) + "' fills in; the reader will not see it");
    r_.check_characters(path, text);  // drawn, linked and sized like every other text
    r_.check_links(path, text);
    r_.check_size(path, text);
    out = text;
}

}  // namespace cr::loader
