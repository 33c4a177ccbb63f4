// Crossroads core: the pre-checked form (form.h). One field list per model type (`fields`), walked by the writer
// and by the reader alike, so the two cannot drift; the reader checks every length, count and enum against its input.
#include "form.h"

#include <cstdint>
#include <cstring>
#include <type_traits>

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
