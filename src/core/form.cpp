// Crossroads core: the pre-checked form (form.h). One field list per model type (`fields`), walked by the writer
// and by the reader alike, so the two cannot drift; the reader checks every length, count and enum against its input,
// then the quiz it read against what load_quiz guarantees (Checker).
#include "form.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <type_traits>

#include "locale.h"
#include "markdown.h"

namespace cr {
namespace {

// ---- the field list: every member of the model, in one order ------------------------------------------------------
// `S` is the type or its const form (the writer walks a const Quiz, the reader fills one).
template <class S, class T>
using Is = std::enable_if_t<std::is_same_v<std::remove_const_t<S>, T>>;

template <class V, class S> Is<S, OutcomeWeight> fields(V& v, S& s) { v(s.outcome); v(s.weight); }
template <class V, class S> Is<S, Condition> fields(V& v, S& s) {
    v(s.present); v(s.question); v(s.any_of); v(s.none_of); v(s.has_min); v(s.has_max); v(s.min); v(s.max);
}
template <class V, class S> Is<S, Rule> fields(V& v, S& s) {
    v(s.kind); v(s.answer); v(s.bands); v(s.outcome); v(s.unmet); v.nested(s.parts);
}
template <class V, class S> Is<S, DecisionRule> fields(V& v, S& s) {
    v(s.id); v(s.condition); v(s.outcome); v(s.reason); v(s.source);
}
template <class V, class S> Is<S, Requirement> fields(V& v, S& s) { v(s.rule); v(s.missing); }
template <class V, class S> Is<S, NextStep> fields(V& v, S& s) {
    v(s.text); v(s.has_show_if); v(s.has_done_if); v(s.show_if); v(s.done_if);
}
template <class V, class S> Is<S, Option> fields(V& v, S& s) {
    v(s.id); v(s.label); v(s.explanation); v(s.weights); v(s.correct); v(s.step);
}
template <class V, class S> Is<S, Image> fields(V& v, S& s) { v(s.src); v(s.alt); v(s.width); v(s.height); }
template <class V, class S> Is<S, ScaleRule> fields(V& v, S& s) { v(s.from); v(s.to); v(s.weights); }
template <class V, class S> Is<S, Scale> fields(V& v, S& s) {
    v(s.min); v(s.max); v(s.step); v(s.initial); v(s.min_label); v(s.max_label); v(s.rules);
}
template <class V, class S> Is<S, Question> fields(V& v, S& s) {
    v(s.id); v(s.kind); v(s.section); v(s.prompt); v(s.code); v(s.explanation); v(s.image); v(s.required);
    v(s.shuffle); v(s.changeable); v(s.forward); v(s.tipped); v(s.show_if); v(s.options); v(s.min_select);
    v(s.max_select); v(s.scale); v(s.scored); v(s.points); v(s.partial);
}
template <class V, class S> Is<S, Section> fields(V& v, S& s) {
    v(s.id); v(s.title); v(s.intro); v(s.kind); v(s.show_if); v(s.first); v(s.count);
}
template <class V, class S> Is<S, CallToAction> fields(V& v, S& s) { v(s.label); v(s.url); }
template <class V, class S> Is<S, Outcome> fields(V& v, S& s) {
    v(s.id); v(s.title); v(s.summary); v(s.details); v(s.requirements); v(s.next_steps); v(s.cta); v(s.image);
}
template <class V, class S> Is<S, Band> fields(V& v, S& s) {
    v(s.id); v(s.title); v(s.feedback); v(s.min); v(s.max); v(s.weights);
}
template <class V, class S> Is<S, TieRule> fields(V& v, S& s) {
    v(s.present); v(s.between); v(s.margin); v(s.unit); v(s.winner);
}
template <class V, class S> Is<S, FaqEntry> fields(V& v, S& s) { v(s.id); v(s.question); v(s.answer); }
template <class V, class S> Is<S, RangeItem> fields(V& v, S& s) { v(s.id); v(s.label); v(s.low); v(s.high); v(s.period); }
template <class V, class S> Is<S, RangeChart> fields(V& v, S& s) {
    v(s.present); v(s.title); v(s.currency); v(s.period); v(s.items); v(s.assumption); v(s.note);
}
template <class V, class S> Is<S, RelatedQuiz> fields(V& v, S& s) {
    v(s.present); v(s.quiz); v(s.label); v(s.results_label);
}
template <class V, class S> Is<S, WordOverride> fields(V& v, S& s) { v(s.key); v(s.forms); }
template <class V, class S> Is<S, Quiz> fields(V& v, S& s) {
    v(s.id); v(s.version); v(s.title); v(s.intro); v(s.language); v(s.strings); v(s.minutes); v(s.outcomes);
    v(s.sections); v(s.questions); v(s.bands); v(s.tie); v(s.rules); v(s.faq); v(s.ranges); v(s.related); v(s.image);
    v(s.characters);
}

// How many values each enum of the model has: a byte at or past it is refused.
template <class E> constexpr unsigned kEnumEnd = 0;
template <> constexpr unsigned kEnumEnd<QuestionKind> = 4;
template <> constexpr unsigned kEnumEnd<SectionKind> = 2;
template <> constexpr unsigned kEnumEnd<Partial> = 2;
template <> constexpr unsigned kEnumEnd<TieUnit> = 2;
template <> constexpr unsigned kEnumEnd<Period> = 3;
template <> constexpr unsigned kEnumEnd<Rule::Kind> = 6;
template <> constexpr unsigned kEnumEnd<Key> = static_cast<unsigned>(Key::Count);

// Rules nest (all / any / not); a form nesting deeper than any file the loader accepts is refused before the stack is.
constexpr int kMaxNesting = 64;

constexpr char kMagic[4] = {'C', 'R', 'Q', 'F'};
constexpr size_t kHeader = sizeof kMagic + 1 + 4 + 8;  // magic, version, payload length, checksum

// FNV-1a, 64 bits: catches a damaged or cut file (not an attack: the form comes from the quiz's own site).
uint64_t checksum(std::string_view bytes) {
    uint64_t h = 14695981039346656037ull;
    for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
    return h;
}

// ---- writing: unsigned numbers as LEB128, signed ones zigzagged, doubles as their 8 bytes (little-endian) ---------
struct Writer {
    std::string out;

    void varint(uint64_t n) {
        do {
            const unsigned char byte = n & 0x7f;
            n >>= 7;
            out.push_back(static_cast<char>(byte | (n ? 0x80 : 0)));
        } while (n);
    }
    void fixed(uint64_t n, int bytes) {
        for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((n >> (8 * i)) & 0xff));
    }
    void operator()(bool b) { out.push_back(b ? 1 : 0); }
    void operator()(int n) { varint((static_cast<uint64_t>(static_cast<int64_t>(n)) << 1) ^ static_cast<uint64_t>(static_cast<int64_t>(n) >> 63)); }
    void operator()(double d) {
        uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        fixed(bits, 8);
    }
    void operator()(const std::string& s) { varint(s.size()); out += s; }
    void operator()(const std::u32string& s) {
        varint(s.size());
        for (char32_t c : s) varint(c);
    }
    template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0> void operator()(E e) { varint(static_cast<unsigned>(e)); }
    template <class T, size_t N> void operator()(const T (&items)[N]) {
        for (const T& item : items) (*this)(item);
    }
    template <class T> void operator()(const std::vector<T>& items) {
        varint(items.size());
        for (const T& item : items) (*this)(item);
    }
    template <class T> void nested(const std::vector<T>& items) { (*this)(items); }
    template <class T, std::enable_if_t<std::is_class_v<T>, int> = 0> void operator()(const T& s) { fields(*this, s); }
};

// ---- reading: the same walk; the first problem stops it (every later read returns at once) -----------------------
struct Reader {
    std::string_view in;
    size_t at = 0;
    int depth = 0;
    std::string error;

    bool fail(const std::string& what) {
        if (error.empty()) error = what;
        return false;
    }
    bool varint(uint64_t& n) {
        n = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at >= in.size()) return fail("it ends in the middle of a value (truncated)");
            const unsigned char byte = static_cast<unsigned char>(in[at++]);
            n |= static_cast<uint64_t>(byte & 0x7f) << shift;
            if (!(byte & 0x80)) return true;
        }
        return fail("a number in it is too long");
    }
    // A count of items that each take at least one byte: never more than the bytes left.
    bool count(size_t& n) {
        uint64_t raw;
        if (!varint(raw)) return false;
        if (raw > in.size() - at) return fail("a list in it is longer than the file");
        n = static_cast<size_t>(raw);
        return true;
    }
    void operator()(bool& b) {
        if (!error.empty()) return;
        if (at >= in.size()) { fail("it ends in the middle of a value (truncated)"); return; }
        const unsigned char c = static_cast<unsigned char>(in[at++]);
        if (c > 1) { fail("a yes/no value in it is neither"); return; }
        b = c == 1;
    }
    void operator()(int& n) {
        uint64_t raw;
        if (!error.empty() || !varint(raw)) return;
        const int64_t value = static_cast<int64_t>(raw >> 1) ^ -static_cast<int64_t>(raw & 1);
        if (value < INT32_MIN || value > INT32_MAX) { fail("a whole number in it is out of range"); return; }
        n = static_cast<int>(value);
    }
    void operator()(double& d) {
        if (!error.empty()) return;
        if (in.size() - at < 8) { fail("it ends in the middle of a value (truncated)"); return; }
        uint64_t bits = 0;
        for (int i = 0; i < 8; ++i) bits |= static_cast<uint64_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
        at += 8;
        std::memcpy(&d, &bits, sizeof d);
    }
    void operator()(std::string& s) {
        size_t n;
        if (!error.empty() || !count(n)) return;
        s.assign(in.substr(at, n));
        at += n;
    }
    void operator()(std::u32string& s) {
        size_t n;
        if (!error.empty() || !count(n)) return;
        s.resize(n);
        for (char32_t& c : s) {
            uint64_t raw;
            if (!varint(raw)) return;
            if (raw > 0x10FFFF) { fail("a character in it is not a code point"); return; }
            c = static_cast<char32_t>(raw);
        }
    }
    template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0> void operator()(E& e) {
        uint64_t raw;
        if (!error.empty() || !varint(raw)) return;
        if (raw >= kEnumEnd<E>) { fail("a kind in it is unknown"); return; }
        e = static_cast<E>(raw);
    }
    template <class T, size_t N> void operator()(T (&items)[N]) {
        for (T& item : items) (*this)(item);
    }
    template <class T> void operator()(std::vector<T>& items) {
        size_t n;
        if (!error.empty() || !count(n)) return;
        items.resize(n);
        for (T& item : items) {
            if (!error.empty()) return;
            (*this)(item);
        }
    }
    template <class T> void nested(std::vector<T>& items) {
        if (!error.empty()) return;
        if (++depth > kMaxNesting) { fail("its rules nest too deep"); return; }
        (*this)(items);
        --depth;
    }
    template <class T, std::enable_if_t<std::is_class_v<T>, int> = 0> void operator()(T& s) {
        if (error.empty()) fields(*this, s);
    }
};

// ---- the check: what load_quiz guarantees and the rest of the core relies on, for a form that read cleanly -------
// Every index in range, every list the right size, every number finite and in order; one sentence for the first
// problem ("its question 3 names outcome 9 of 3", indices counted from 0), nothing for a quiz load_quiz accepted.
constexpr size_t kMaxOutcomes = 100, kMaxOptions = 12, kMaxScaleSteps = 1000;
constexpr int kMaxImageSide = 2000;

struct Checker {
    const Quiz& quiz;
    std::string where;  // the part being checked, e.g. "outcome 2's requirement 0"
    std::string error;

    bool fail(const std::string& what) {
        if (error.empty()) error = "its " + where + " " + what;
        return false;
    }
    bool index(int i, size_t n, const std::string& what) {
        return (i >= 0 && static_cast<size_t>(i) < n) ||
               fail("names " + what + " " + std::to_string(i) + " of " + std::to_string(n));
    }
    bool numbers(std::initializer_list<double> values) {
        for (double d : values)
            if (!std::isfinite(d)) return fail("holds a number that is not finite");
        return true;
    }
    void weights(const std::vector<OutcomeWeight>& weights) {
        for (const OutcomeWeight& w : weights)
            if (index(w.outcome, quiz.outcomes.size(), "outcome") && numbers({w.weight}) && std::fabs(w.weight) > 1e6)
                fail("gives a weight beyond 1000000 either way");
    }
    // `before`: the questions it may name, [0, before) (a show_if uses only answers given earlier).
    void condition(const Condition& c, size_t before) {
        if (!c.present || !index(c.question, quiz.questions.size(), "question") || !numbers({c.min, c.max})) return;
        if (static_cast<size_t>(c.question) >= before)
            fail("is shown by question " + std::to_string(c.question) + ", which does not come before it");
        const size_t options = quiz.questions[c.question].options.size();
        for (const auto* list : {&c.any_of, &c.none_of})
            for (int o : *list)
                if (o < 0 || static_cast<size_t>(o) >= options)
                    fail("names option " + std::to_string(o) + " of question " + std::to_string(c.question) + "'s " +
                         std::to_string(options));
    }
    void rule(const Rule& r) {
        switch (r.kind) {
            case Rule::Kind::Answer: condition(r.answer, quiz.questions.size()); break;
            case Rule::Kind::Band:
                for (int b : r.bands) index(b, quiz.bands.size(), "band");
                break;
            case Rule::Kind::Requirements:
                if (index(r.outcome, quiz.outcomes.size(), "outcome") &&
                    (r.unmet < 0 || static_cast<size_t>(r.unmet) > quiz.outcomes[r.outcome].requirements.size()))
                    fail("counts " + std::to_string(r.unmet) + " unmet requirements of outcome " +
                         std::to_string(r.outcome) + ", which has " +
                         std::to_string(quiz.outcomes[r.outcome].requirements.size()));
                break;
            case Rule::Kind::Not:
                if (r.parts.size() != 1) fail("negates " + std::to_string(r.parts.size()) + " conditions, not one");
                break;
            case Rule::Kind::All:
            case Rule::Kind::Any: break;
        }
        for (const Rule& part : r.parts) rule(part);
    }
    // Every item's id is an id, none twice (ids name parts in session links, answer lists and reports).
    template <class T> void ids(const std::vector<T>& items, const char* what) {
        std::vector<std::string> sorted;
        for (const T& item : items) sorted.push_back(item.id);
        std::sort(sorted.begin(), sorted.end());
        for (size_t k = 0; k < sorted.size(); ++k)
            if (!valid_id(sorted[k]) || (k > 0 && sorted[k] == sorted[k - 1])) {
                fail(std::string("has ") + what + " id that is not an id or is given twice");
                return;
            }
    }
    void image(const Image& i) {
        if (i.width < 0 || i.width > kMaxImageSide || i.height < 0 || i.height > kMaxImageSide)
            fail("has a picture of " + std::to_string(i.width) + " x " + std::to_string(i.height) + " px");
    }
    void scale(const Scale& s) {
        if (!numbers({s.min, s.max, s.step, s.initial})) return;
        const double steps = (s.max - s.min) / s.step;
        if (!(s.min < s.max) || !(s.step > 0) || steps > kMaxScaleSteps || std::fabs(steps - std::round(steps)) > 1e-9 ||
            s.initial < s.min || s.initial > s.max) {
            fail("has a scale that is not min < max in whole steps (at most " + std::to_string(kMaxScaleSteps) +
                 ") with its start between");
            return;
        }
        for (const ScaleRule& r : s.rules) {
            if (numbers({r.from, r.to}) && (r.from > r.to || r.from < s.min || r.to > s.max))
                fail("has a scale range outside its scale");
            weights(r.weights);
        }
    }
    void question(const Question& q, size_t i) {
        const size_t n = q.options.size();
        const bool knowledge = quiz.sections[q.section].kind == SectionKind::Knowledge;
        ids(q.options, "an option");
        if (q.kind == QuestionKind::Scale                ? n != 0
            : q.kind == QuestionKind::TrueFalse          ? n != 2 || q.options[0].id != "true" || q.options[1].id != "false"
                                                         : n < 2 || n > kMaxOptions)
            fail(std::string("is a ") + kind_name(q.kind) + " question with " + std::to_string(n) + " options");
        const int correct = static_cast<int>(std::count_if(q.options.begin(), q.options.end(), [](const Option& o) { return o.correct; }));
        if (q.kind == QuestionKind::Multiple ? q.min_select < 0 || q.max_select < 1 || q.min_select > q.max_select ||
                                                   static_cast<size_t>(q.max_select) > n || correct > q.max_select
                                             : q.min_select != 1 || q.max_select != 1)
            fail("lets a reader pick " + std::to_string(q.min_select) + " to " + std::to_string(q.max_select) + " of " +
                 std::to_string(n) + " options (" + std::to_string(correct) + " correct)");
        if (q.scored != knowledge || (q.scored && (q.kind == QuestionKind::Scale || correct == 0)))
            fail("is scored unlike its section's kind or has no correct option");
        if (numbers({q.points}) && !(q.points > 0)) fail("is worth " + std::to_string(q.points) + " points");
        condition(q.show_if, i);
        for (const Option& o : q.options) weights(o.weights);
        scale(q.scale);
        image(q.image);
    }

    // The first problem in the whole quiz, or "".
    std::string run() {
        where = "quiz";
        if (quiz.version < 1 || !numbers({quiz.minutes}) || quiz.minutes < 0) fail("has a version below 1 or negative minutes");
        if (!valid_id(quiz.id)) fail("has an id that is not one");
        ids(quiz.outcomes, "an outcome");
        ids(quiz.sections, "a section");
        ids(quiz.questions, "a question");
        ids(quiz.bands, "a band");
        ids(quiz.rules, "a rule");
        ids(quiz.faq, "a faq");
        ids(quiz.ranges.items, "a range item");
        if (quiz.outcomes.size() > kMaxOutcomes) fail("has more than " + std::to_string(kMaxOutcomes) + " outcomes");
        std::vector<bool> keyed(static_cast<size_t>(Key::Count), false);
        for (const WordOverride& w : quiz.strings) {
            if (keyed[static_cast<size_t>(w.key)]) fail("gives a widget string twice");
            keyed[static_cast<size_t>(w.key)] = true;
        }
        for (size_t k = 0; k < quiz.characters.size(); ++k)
            if (quiz.characters[k] <= 0x7f || (k > 0 && quiz.characters[k] <= quiz.characters[k - 1]))
                fail("lists its characters out of order");
        image(quiz.image);
        if (quiz.sections.empty()) fail("has no sections");  // as load_quiz: a session and its links need a question
        size_t next = 0;  // the sections share the questions out in order, none left over
        for (size_t i = 0; i < quiz.sections.size(); ++i) {
            const Section& s = quiz.sections[i];
            where = "section " + std::to_string(i);
            if (s.first != static_cast<int>(next) || s.count < 1 || static_cast<size_t>(s.count) > quiz.questions.size() - next) {
                fail("holds questions " + std::to_string(s.first) + " to " + std::to_string(s.first + s.count) + " of " +
                     std::to_string(quiz.questions.size()) + ", not the next ones from " + std::to_string(next));
                return error;
            }
            condition(s.show_if, next);
            for (size_t q = next; q < next + s.count; ++q)
                if (quiz.questions[q].section != static_cast<int>(i)) {
                    where = "question " + std::to_string(q);
                    fail("names section " + std::to_string(quiz.questions[q].section) + ", not the section " +
                         std::to_string(i) + " that holds it");
                    return error;
                }
            next += s.count;
        }
        if (next != quiz.questions.size()) {
            fail("has questions from " + std::to_string(next) + " on in no section");
            return error;
        }
        for (size_t i = 0; i < quiz.questions.size(); ++i) {
            where = "question " + std::to_string(i);
            question(quiz.questions[i], i);
        }
        for (size_t i = 0; i < quiz.outcomes.size(); ++i) {
            const Outcome& o = quiz.outcomes[i];
            where = "outcome " + std::to_string(i);
            if (!o.cta.label.empty() && !link_problem(o.cta.url).empty()) fail("has a button to an address it may not link to");
            image(o.image);
            for (size_t k = 0; k < o.requirements.size(); ++k) {
                where = "outcome " + std::to_string(i) + "'s requirement " + std::to_string(k);
                rule(o.requirements[k].rule);
            }
            for (size_t k = 0; k < o.next_steps.size(); ++k) {
                where = "outcome " + std::to_string(i) + "'s next step " + std::to_string(k);
                if (o.next_steps[k].has_show_if) rule(o.next_steps[k].show_if);
                if (o.next_steps[k].has_done_if) rule(o.next_steps[k].done_if);
            }
        }
        double reached = 0;  // the bands cover 0 to 100 percent in order, without gaps or overlaps
        for (size_t i = 0; i < quiz.bands.size(); ++i) {
            const Band& b = quiz.bands[i];
            where = "band " + std::to_string(i);
            if (numbers({b.min, b.max}) && (b.min != reached || !(b.max > b.min) || b.max > 100))
                fail("runs from " + format_number(b.min) + " to " + format_number(b.max) + " percent, not on from " +
                     format_number(reached));
            reached = b.max;
            weights(b.weights);
        }
        where = "bands";
        if (quiz.bands.empty() ? quiz.knowledge_section() >= 0 : reached != 100) fail("do not cover 0 to 100 percent");
        const TieRule& tie = quiz.tie;
        where = "tie rule";
        if (tie.present) index(tie.winner, quiz.outcomes.size(), "outcome");
        std::vector<bool> listed(quiz.outcomes.size(), false);
        for (int o : tie.between)
            if (index(o, quiz.outcomes.size(), "outcome")) {
                if (o == tie.winner || listed[o]) fail("lists outcome " + std::to_string(o) + " twice");
                listed[o] = true;
            }
        if (numbers({tie.margin}) && tie.margin < 0) fail("has a negative margin");
        for (size_t i = 0; i < quiz.rules.size(); ++i) {
            where = "rule " + std::to_string(i);
            index(quiz.rules[i].outcome, quiz.outcomes.size(), "outcome");
            rule(quiz.rules[i].condition);
        }
        for (size_t i = 0; i < quiz.ranges.items.size(); ++i) {
            const RangeItem& r = quiz.ranges.items[i];
            where = "range " + std::to_string(i);
            if (numbers({r.low, r.high}) && (r.low < 0 || r.low > r.high)) fail("runs from " + format_number(r.low) + " to " + format_number(r.high));
        }
        return error;
    }
};

}  // namespace

std::string seal_form(std::string_view payload) {
    Writer form;
    form.out.append(kMagic, sizeof kMagic);
    form.out.push_back(static_cast<char>(kFormVersion));
    form.fixed(payload.size(), 4);
    form.fixed(checksum(payload), 8);
    return form.out.append(payload);
}

std::string write_form(const Quiz& quiz) {
    Writer payload;
    payload(quiz);
    return seal_form(payload.out);
}

bool is_form(std::string_view bytes) {
    return bytes.size() >= sizeof kMagic && bytes.substr(0, sizeof kMagic) == std::string_view(kMagic, sizeof kMagic);
}

bool read_form(std::string_view bytes, Quiz& quiz, std::string& error) {
    auto refuse = [&](const std::string& why) {
        error = "not a usable pre-checked quiz: " + why;
        return false;
    };
    if (!is_form(bytes)) return refuse("it does not start with CRQF");
    if (bytes.size() < kHeader) return refuse("it ends before its header does (truncated)");
    const unsigned version = static_cast<unsigned char>(bytes[sizeof kMagic]);
    if (version != kFormVersion)
        return refuse("it is format version " + std::to_string(version) + ", this build reads version " +
                      std::to_string(kFormVersion) + " (written by another build)");
    auto number = [&](size_t from, int size) {
        uint64_t n = 0;
        for (int i = 0; i < size; ++i) n |= static_cast<uint64_t>(static_cast<unsigned char>(bytes[from + i])) << (8 * i);
        return n;
    };
    const uint64_t length = number(sizeof kMagic + 1, 4);
    const std::string_view payload = bytes.substr(kHeader);
    if (payload.size() != length)
        return refuse("it holds " + std::to_string(payload.size()) + " bytes after its header, its header says " +
                      std::to_string(length) + (payload.size() < length ? " (truncated)" : ""));
    if (checksum(payload) != number(sizeof kMagic + 5, 8)) return refuse("its checksum does not match (damaged)");
    Reader reader{payload, 0, 0, {}};
    Quiz read;
    reader(read);
    if (reader.error.empty() && reader.at != payload.size()) reader.fail("bytes are left over after the quiz");
    if (reader.error.empty()) reader.error = Checker{read, {}, {}}.run();
    if (!reader.error.empty()) return refuse(reader.error);
    quiz = std::move(read);
    return true;
}

LoadResult load_form(std::string_view bytes) {
    LoadResult result;
    std::string error;
    result.ok = read_form(bytes, result.quiz, error);
    if (!result.ok) result.diagnostics.push_back({Severity::Error, "", error});
    return result;
}

}  // namespace cr
