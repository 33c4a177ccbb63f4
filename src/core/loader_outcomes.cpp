// Crossroads core, the loader's outcomes and how points reach them: the outcomes, the weights options, scale ranges
// and bands give them, the score bands of knowledge sections, and the tie rule between close totals.
#include "loader_internal.h"

#include <algorithm>
#include <cmath>

namespace cr::loader {

namespace {

// Every outcome is a target of the reachability check, so their number multiplies its work.
constexpr size_t kMaxOutcomes = 100;

}  // namespace

void QuizBuilder::read_outcomes(const Json& root) {
    const Json* list = r_.array(root, "", "outcomes", false);
    if (!list) return;
    if (list->size() > kMaxOutcomes) {
        r_.error("outcomes", "a quiz has at most " + std::to_string(kMaxOutcomes) + " outcomes, found " +
                                 std::to_string(list->size()), Check::Count);
        outcomes_refused_ = true;
        return;
    }
    std::unordered_set<std::string> seen;
    r_.each_object(*list, "outcomes", {"id", "title", "summary", "details", "requires", "next_steps", "cta", "image"}, [&](const Json& o, const std::string& path) {
        Outcome out;
        if (r_.id(o, path, out.id)) {
            unique(seen, out.id, path, "outcome");
            outcome_ids_.push_back(out.id);
            outcome_at_.emplace(out.id, static_cast<int>(quiz_.outcomes.size()));
        }
        r_.text(o, path, "title", out.title, true);
        r_.text(o, path, "summary", out.summary, true);
        r_.text(o, path, "details", out.details, false);
        read_cta(o, path, out.cta);
        read_image(o, path, out.image);
        quiz_.outcomes.push_back(std::move(out));
    });
}

// {"outcome-id": number, ...} -> resolved weights.
std::vector<OutcomeWeight> QuizBuilder::read_weights(const Json& v, const std::string& path) {
    std::vector<OutcomeWeight> out;
    weights_seen_at_.push_back(path);
    if (!v.is_object()) {
        r_.error(path, std::string("expected an object of outcome weights, found ") + type_name(v), Check::Type);
        return out;
    }
    for (const auto& item : v.items()) {
        const std::string wpath = path_key(path, item.key());
        if (!item.value().is_number()) {
            r_.error(wpath, std::string("weight must be a number, found ") + type_name(item.value()), Check::Type);
            continue;
        }
        const int index = outcome_index(item.key());
        if (index < 0) {
            if (!quiz_.outcomes.empty())
                r_.error(wpath, "unknown outcome '" + item.key() + "'" + suggest(item.key(), outcome_ids_), Check::Reference);
            continue;
        }
        const double w = item.value().get<double>();
        if (!std::isfinite(w) || std::fabs(w) > 1e6) {
            r_.error(wpath, "weight is out of range (at most 1000000 either way)");
            continue;
        }
        out.push_back({index, w});
    }
    return out;
}

void QuizBuilder::check_weights_need_outcomes() {
    if (!quiz_.outcomes.empty() || weights_seen_at_.empty() || outcomes_refused_) return;
    r_.error(weights_seen_at_.front(), "weights are given but the quiz declares no \"outcomes\"", Check::Reference);
}

// ---- bands and tie ----------------------------------------------------------------------------
void QuizBuilder::read_bands(const Json& root) {
    const bool knowledge = std::any_of(quiz_.sections.begin(), quiz_.sections.end(),
                                       [](const Section& s) { return s.kind == SectionKind::Knowledge; });
    const Json* list = r_.array(root, "", "bands", false);
    if (!list) {
        if (knowledge && !root.contains("bands"))  // a present but broken list has its own error
            r_.error("bands", "knowledge sections need score \"bands\" covering 0 to 100 percent", Check::Required);
        return;
    }
    if (!knowledge) r_.warning("bands", "bands are unused: the quiz has no knowledge section");
    std::unordered_set<std::string> ids;
    std::vector<std::pair<Band, std::string>> bands;
    r_.each_object(*list, "bands", {"id", "title", "feedback", "min", "max", "weights"}, [&](const Json& b, const std::string& path) {
        Band band;
        if (r_.id(b, path, band.id)) unique(ids, band.id, path, "band");
        r_.text(b, path, "title", band.title, true);
        r_.text(b, path, "feedback", band.feedback, true);
        const bool has_min = r_.number(b, path, "min", band.min, true);
        const bool ok = r_.number(b, path, "max", band.max, true) && has_min;
        if (const Json* w = r_.field(b, path, "weights", false)) band.weights = read_weights(*w, path_key(path, "weights"));
        if (!ok) return;
        if (band.min < 0 || band.max > 100 || band.min >= band.max) {
            r_.error(path, "a band needs 0 <= min < max <= 100 (percent)",
                     band.min < 0 || band.max > 100 ? Check::Bound : Check::Rule);
            return;
        }
        bands.push_back({band, path});
    });
    std::stable_sort(bands.begin(), bands.end(), [](const auto& a, const auto& b) { return a.first.min < b.first.min; });
    double reached = 0;
    for (size_t i = 0; i < bands.size(); ++i) {
        const Band& b = bands[i].first;
        if (b.min > reached)
            r_.error(bands[i].second, "gap in the score bands: no band covers " + fmt(reached) + " to " + fmt(b.min) + " percent");
        else if (b.min < reached)
            r_.error(bands[i].second, "band '" + b.id + "' overlaps the band before it: it starts at " + fmt(b.min) +
                                          " but the previous one runs to " + fmt(reached));
        reached = std::max(reached, b.max);
        quiz_.bands.push_back(b);
        band_paths_.push_back(bands[i].second);
    }
    if (!bands.empty() && reached < 100)
        r_.error(bands.back().second, "gap in the score bands: no band covers " + fmt(reached) + " to 100 percent");
}

void QuizBuilder::read_tie(const Json& root) {
    const Json* t = r_.field(root, "", "tie", false);
    if (!t || !r_.is_object(*t, "tie") || outcomes_refused_) return;
    r_.check_keys(*t, "tie", {"between", "margin", "unit", "winner"});
    TieRule tie;
    std::string winner;
    if (r_.text(*t, "tie", "winner", winner, true)) {
        tie.winner = outcome_index(winner);
        if (tie.winner < 0)
            r_.error("tie.winner", "unknown outcome '" + winner + "'" + suggest(winner, outcome_ids_), Check::Reference);
    }
    if (r_.number(*t, "tie", "margin", tie.margin, true) && tie.margin < 0)
        r_.error("tie.margin", "must not be negative", Check::Bound);
    std::string unit = "points";
    if (r_.text(*t, "tie", "unit", unit, false)) {
        if (unit == "percent") tie.unit = TieUnit::Percent;
        else if (unit != "points")
            r_.error("tie.unit", "unknown unit '" + unit + "'; use \"points\" or \"percent\"", Check::Enum);
    }
    if (const Json* between = r_.array(*t, "tie", "between", false)) {
        std::vector<bool> listed(quiz_.outcomes.size(), false);
        for (size_t i = 0; i < between->size(); ++i) {
            const Json& v = (*between)[i];
            const std::string p = path_index("tie.between", i);
            const int index = v.is_string() ? outcome_index(v.get<std::string>()) : -1;
            if (index < 0 && v.is_string())
                r_.error(p, "unknown outcome '" + v.get<std::string>() + "'" + suggest(v.get<std::string>(), outcome_ids_),
                         Check::Reference);
            else if (index < 0) r_.error(p, std::string("expected an outcome id, found ") + type_name(v), Check::Type);
            else if (index == tie.winner) r_.error(p, "the winner cannot also be one of the tied outcomes");
            else if (listed[index]) r_.error(p, "outcome '" + v.get<std::string>() + "' is listed twice", Check::Duplicate);
            else {
                listed[index] = true;
                tie.between.push_back(index);
            }
        }
        if (between->size() == 1) r_.error("tie.between", "name at least two outcomes", Check::Count);
    } else {
        for (int i = 0; i < static_cast<int>(quiz_.outcomes.size()); ++i)
            if (i != tie.winner) tie.between.push_back(i);
    }
    tie.present = tie.winner >= 0;
    quiz_.tie = tie;
}

}  // namespace cr::loader
