// Crossroads core, the loader's extras beside the questions: pictures, an outcome's call to action, the FAQ, the
// chart of ranges (salaries) and the link to a related quiz.
#include "loader_internal.h"

#include <algorithm>
#include <cctype>

#include "catalogue.h"
#include "markdown.h"

namespace cr::loader {

namespace {

constexpr int kMaxImages = 40;          // pictures in one quiz
constexpr int kMaxImageSide = 2000;     // CSS px, each of width and height

bool image_path(const std::string& src) {
    if (src.empty() || src.front() == '/' || src.find("..") != std::string::npos) return false;
    for (char c : src)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.' && c != '/') return false;
    const size_t dot = src.find_last_of('.');
    if (dot == std::string::npos) return false;
    std::string ext = src.substr(dot + 1);
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == "png" || ext == "jpg" || ext == "jpeg" || ext == "webp" || ext == "gif";
}

bool currency_code(const std::string& code) {
    return code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

// An outcome's call to action: {"label": "...", "url": "https://..."}, a button on its result.
void QuizBuilder::read_cta(const Json& o, const std::string& path, CallToAction& out) {
    const Json* cta = r_.field(o, path, "cta", false);
    if (!cta) return;
    const std::string at = path_key(path, "cta");
    if (!r_.is_object(*cta, at)) return;
    r_.check_keys(*cta, at, {"label", "url"});
    r_.text(*cta, at, "label", out.label, true);
    if (r_.text(*cta, at, "url", out.url, true)) {
        const std::string problem = link_problem(out.url);
        if (!problem.empty()) r_.error(path_key(at, "url"), problem, Check::Pattern, out.url);
    }
}

// A picture: {"src": "images/a.jpg", "alt": "...", "width": 640, "height": 360}. The file is the page's to fetch
// (the CLI checks that it exists); here its path must stay beside the quiz and its size within bounds.
void QuizBuilder::read_image(const Json& o, const std::string& path, Image& out) {
    const Json* image = r_.field(o, path, "image", false);
    if (!image) return;
    const std::string at = path_key(path, "image");
    if (!r_.is_object(*image, at)) return;
    r_.check_keys(*image, at, {"src", "alt", "width", "height"});
    if (r_.text(*image, at, "src", out.src, true) && !image_path(out.src)) {
        r_.error(path_key(at, "src"), "'" + out.src + "' is not a picture beside the quiz: give a relative path such as "
                                      "images/desk.jpg (letters, digits, '-', '_', '.', '/', no '..'), ending in .png, "
                                      ".jpg, .jpeg, .webp or .gif", Check::Pattern, out.src);
    }
    r_.text(*image, at, "alt", out.alt, true);
    for (const char* key : {"width", "height"}) {
        int& side = key[0] == 'w' ? out.width : out.height;
        if (r_.integer(*image, at, key, side, true) && (side < 1 || side > kMaxImageSide))
            r_.error(path_key(at, key), "must be 1 to " + std::to_string(kMaxImageSide) + " (CSS pixels)", Check::Bound);
    }
    if (++images_ == kMaxImages + 1)
        r_.error(at, "a quiz has at most " + std::to_string(kMaxImages) + " pictures; this is one more", Check::Rule);
}

void QuizBuilder::read_faq(const Json& root) {
    const Json* list = r_.array(root, "", "faq", false);
    if (!list) return;
    std::unordered_set<std::string> ids;
    r_.each_object(*list, "faq", {"id", "q", "a"}, [&](const Json& f, const std::string& path) {
        FaqEntry e;
        if (r_.id(f, path, e.id)) unique(ids, e.id, path, "faq");
        r_.text(f, path, "q", e.question, true);
        r_.text(f, path, "a", e.answer, true);
        quiz_.faq.push_back(std::move(e));
    });
}

// "year" or "month" at obj.period; Period::None when absent or unknown (unknown is an error).
Period QuizBuilder::read_period(const Json& obj, const std::string& path) {
    std::string word;
    if (!r_.text(obj, path, "period", word, false)) return Period::None;
    if (word == "year") return Period::Year;
    if (word == "month") return Period::Month;
    r_.error(path_key(path, "period"), "unknown period '" + word + "'; use \"year\" or \"month\"" +
                                           did_you_mean(word, {"year", "month"}), Check::Enum);
    return Period::None;
}

void QuizBuilder::read_ranges(const Json& root) {
    const Json* c = r_.field(root, "", "ranges", false);
    if (!c || !r_.is_object(*c, "ranges")) return;
    r_.check_keys(*c, "ranges", {"title", "currency", "period", "items", "assumption", "note"});
    RangeChart& chart = quiz_.ranges;
    bool ok = r_.text(*c, "ranges", "title", chart.title, true);
    if (r_.text(*c, "ranges", "currency", chart.currency, false) && !currency_code(chart.currency)) {
        r_.error("ranges.currency", "'" + chart.currency + "' is not a currency code: use three capital letters such as USD",
                 Check::Pattern);
        chart.currency.clear();
    }
    chart.period = read_period(*c, "ranges");
    r_.text(*c, "ranges", "assumption", chart.assumption, false);
    r_.text(*c, "ranges", "note", chart.note, false);
    const Json* list = r_.array(*c, "ranges", "items", true);
    if (!list) return;
    std::unordered_set<std::string> ids;
    bool converted = false;
    r_.each_object(*list, "ranges.items", {"id", "label", "low", "high", "period"}, [&](const Json& i, const std::string& path) {
        RangeItem item;
        if (r_.id(i, path, item.id)) unique(ids, item.id, path, "range item");
        ok = r_.text(i, path, "label", item.label, true) && ok;
        const bool low = r_.number(i, path, "low", item.low, true), high = r_.number(i, path, "high", item.high, true);
        if (low && item.low < 0) r_.error(path_key(path, "low"), "must be 0 or more", Check::Bound);
        if (high && item.high < 0) r_.error(path_key(path, "high"), "must be 0 or more", Check::Bound);
        if (low && high && item.low > item.high)
            r_.error(path_key(path, "high"), "must not be below low (" + format_number(item.low) + ")");
        ok = ok && low && high && item.low >= 0 && item.low <= item.high;
        item.period = read_period(i, path);
        if (item.period == Period::None) item.period = chart.period;
        else if (chart.period == Period::None)
            r_.error(path_key(path, "period"), "an item's period needs a \"period\" for the whole chart to compare in");
        converted = converted || (chart.period != Period::None && item.period != chart.period);
        chart.items.push_back(std::move(item));
    });
    if (converted && chart.assumption.empty())
        r_.error("ranges", "items given per month are compared per year (x 12): say so in \"assumption\"");
    chart.present = ok;
}

void QuizBuilder::read_related(const Json& root) {
    const Json* l = r_.field(root, "", "related", false);
    if (!l || !r_.is_object(*l, "related")) return;
    r_.check_keys(*l, "related", {"quiz", "label", "results_label"});
    RelatedQuiz& related = quiz_.related;
    bool ok = r_.text(*l, "related", "quiz", related.quiz, true);
    // A file on this site, beside this quiz or below it: no scheme, no absolute path.
    if (ok && (related.quiz.find(':') != std::string::npos || related.quiz[0] == '/' || related.quiz.size() < 6 ||
               related.quiz.compare(related.quiz.size() - 5, 5, ".json") != 0)) {
        r_.error("related.quiz", "'" + related.quiz + "' should be a quiz file beside this one, such as other-quiz.json",
                 Check::Pattern);
        ok = false;
    }
    ok = r_.text(*l, "related", "label", related.label, true) && ok;
    if (!r_.text(*l, "related", "results_label", related.results_label, false)) related.results_label = related.label;
    related.present = ok;
}

}  // namespace cr::loader
