// Crossroads core: reader profiles, the editor's own tests of a quiz (`crossroads test`, the studio's profiles
// panel): each profile gives answers and the outcome (and band) they must lead to. Text in, verdicts out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model.h"

namespace cr {

struct ProfileVerdict {
    std::string name;      // the profile's name ("" when it has none)
    std::string expect;    // the outcome id it expects
    std::string problems;  // "" when it holds, else what came out instead ("expected tea, got coffee")
};

// Runs every profile of `text`, a profiles file: {"profiles": [{"name", "answers", "expect", "band"?, "rule"? (the
// decision rule that must decide), "not"?, "source"?}, ...]} with answers in the CLI's syntax ("q1=a,q2=b+c,q3=7"). Returns false, with `error` saying what
// is wrong with the file, when it is not such a file; else fills `out`, one verdict per profile, in order.
bool run_profiles(const Quiz& quiz, std::string_view text, std::vector<ProfileVerdict>& out, std::string& error);

// {"ok": bool, "error": string|null, "failed": n, "profiles": [{"name", "expect", "pass", "problems"}]}: the page's
// form of the verdicts (the studio shows them); `error` set means the file could not be read as profiles.
std::string profiles_json(const std::vector<ProfileVerdict>& verdicts, const std::string& error);

}  // namespace cr
