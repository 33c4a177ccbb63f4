// crossroads: the editor's command-line tool. Validates quiz files and scores answers
// with exactly the core the browser app uses. The only place besides src/web that reads files.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>
#include <system_error>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#if defined(__linux__) && defined(__GLIBC__)
#include <unistd.h>
#endif

#include <nlohmann/json.hpp>

#include "core/catalogue.h"
#include "core/explore.h"
#include "core/form.h"
#include "core/json_doc.h"
#include "core/loader.h"
#include "core/profiles.h"
#include "core/report.h"
#include "core/scoring.h"

namespace {

const char* kUsage =
    "Usage:\n"
    "  crossroads validate [--json] FILE...\n"
    "      Checks quiz files and prints every error and warning as file:line:col: error|warning: where: message,\n"
    "      where names ids (question \"built\" \xE2\x80\xBA option \"many\"). --json prints instead, on stdout, a list of\n"
    "      {file, ok, diagnostics: [{severity, line, column, path, where, check, schema_checks, message}]}\n"
    "      (path: the index path; schema_checks: the JSON Schema rejects this class of problem too).\n"
    "      Exit status 0 only when every file is free of errors.\n"
    "  crossroads score FILE --answers q1=a,q2=b+c,q3=7 [--json]\n"
    "      Scores one set of answers (question=option, '+' joins several options, a scale takes a number)\n"
    "      and prints the recommendation and why, as text or as JSON.\n"
    "      Reports answers that cannot count (their question is hidden) and refuses an empty answer set.\n"
    "  crossroads test FILE PROFILES\n"
    "      Runs reader profiles (a JSON file: {\"profiles\": [{name, source, answers, expect, band?, rule?, not?}]})\n"
    "      and prints one line per profile: ok, or FAIL with what came out instead. Exit status 1 on any mismatch.\n"
    "  crossroads explore FILE [--where q1=a+b,q2=0..3]\n"
    "      Walks the answer space (every answer set when there are at most 1,000,000, else 1,000,000 samples)\n"
    "      and prints per outcome the share of answer sets that reach it and the answers that most often weigh\n"
    "      most for it, and per decision rule how often its condition holds and how often it decides; flags\n"
    "      outcomes no answers reach, requirements no answers meet and rules that never decide (exit status 1).\n"
    "      --where counts only the answer sets where each question has one of the options, or a scale value in\n"
    "      the range.\n"
    "  crossroads page-words FILE\n"
    "      For the build (scripts/assemble.py): the words the page shows around the widget, as JSON\n"
    "      {language, page, words}: FILE is the shipped quiz; language is its language, page its words (its\n"
    "      \"strings\" over the built-in ones), words those of every built-in language by base language ({en: {key:\n"
    "      text}, de: ...}), its own among them.\n"
    "  crossroads compile FILE OUT\n"
    "      For the build (scripts/assemble.py): checks FILE as validate does and, when it has no error, writes its\n"
    "      pre-checked form to OUT (src/core/form.h), which the readers' wasm reads without the JSON loader.\n"
    "  crossroads --help | crossroads COMMAND --help\n";

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return false;
    const std::streamoff size = in.tellg();
    if (size < 0) {  // not a regular file (a pipe): read it as a stream
        in.clear();
        std::ostringstream buffer;
        buffer << in.rdbuf();
        out = buffer.str();
        return true;
    }
    out.resize(static_cast<size_t>(size));  // one read of the known size: a stream copy costs as much as the parse
    in.seekg(0);
    in.read(out.data(), size);
    out.resize(static_cast<size_t>(in.gcount()));
    return !in.bad();
}

bool wants_help(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) return true;
    return false;
}

// Reads a quiz file, saying so on stderr when it cannot.
bool read_quiz_file(const std::string& path, std::string& text) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {  // a folder opens as a stream of unknown, huge size
        std::fprintf(stderr, "%s: error: this is a folder; name a quiz file (.json) in it\n", path.c_str());
        return false;
    }
    if (read_file(path, text)) return true;
    std::fprintf(stderr, "%s: error: cannot read the file (does it exist?)\n", path.c_str());
    return false;
}

// The quiz's pictures must be files beside it, of at most kMaxPictureBytes: the page fetches them from there. Adds a
// located error for each one missing or too large (the core knows no files; this edge does).
constexpr std::uintmax_t kMaxPictureBytes = 1024 * 1024;

void check_picture_files(const std::string& path, std::string_view text, cr::LoadResult& result) {
    if (!result.ok) return;
    const cr::Quiz& q = result.quiz;
    std::vector<std::pair<std::string, const cr::Image*>> pictures = {{"image", &q.image}};
    for (size_t i = 0; i < q.questions.size(); ++i) {
        const cr::Section& s = q.sections[q.questions[i].section];
        pictures.push_back({"sections[" + std::to_string(q.questions[i].section) + "].questions[" +
                                std::to_string(i - static_cast<size_t>(s.first)) + "].image",
                            &q.questions[i].image});
    }
    for (size_t i = 0; i < q.outcomes.size(); ++i) pictures.push_back({"outcomes[" + std::to_string(i) + "].image", &q.outcomes[i].image});
    const std::filesystem::path dir = std::filesystem::path(path).parent_path();
    std::vector<cr::Diagnostic> found;
    for (const auto& [at, image] : pictures) {
        if (image->src.empty()) continue;
        const std::filesystem::path file = dir / image->src;
        std::error_code ec;
        const std::uintmax_t size = std::filesystem::file_size(file, ec);
        std::string message;
        if (ec) message = "the picture '" + image->src + "' is not beside the quiz (looked for " + file.string() + ")";
        else if (size > kMaxPictureBytes)
            message = "the picture '" + image->src + "' is " + std::to_string(size) + " bytes; a picture may be at most 1 MB (" +
                      std::to_string(kMaxPictureBytes) + " bytes), so readers on slow connections are not kept waiting";
        if (!message.empty()) found.push_back({cr::Severity::Error, at + ".src", message, 0, 0, cr::Check::Rule, {}, image->src});
    }
    if (found.empty()) return;
    cr::locate_diagnostics(text, found);
    result.diagnostics.insert(result.diagnostics.end(), found.begin(), found.end());
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(), [](const cr::Diagnostic& a, const cr::Diagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    result.ok = false;
}

// Files given together that share a quiz id and version: a reader's saved progress and share links name a quiz by
// those two, so a later file gets a warning at its version naming the first (`seen` maps id and version to a file).
void check_same_version(const std::string& file, const std::string& text, cr::LoadResult& result,
                        std::map<std::pair<std::string, int>, std::string>& seen) {
    if (!result.ok) return;
    const auto [first, fresh] = seen.emplace(std::make_pair(result.quiz.id, result.quiz.version), file);
    if (fresh) return;
    std::vector<cr::Diagnostic> found{{cr::Severity::Warning, "version",
        first->second + " is quiz '" + result.quiz.id + "' version " + std::to_string(result.quiz.version) +
            " too: share links cannot tell the two apart; give one its own id, or raise its version",
        0, 0, cr::Check::Duplicate}};
    cr::locate_diagnostics(text, found);
    result.diagnostics.push_back(found.front());
}

void print_diagnostics(const std::string& path, const cr::LoadResult& result, bool print_warnings) {
    for (const auto& d : result.diagnostics)
        if (print_warnings || d.severity == cr::Severity::Error)
            std::fprintf(stderr, "%s\n", cr::format_diagnostic(d, path).c_str());
}

// Loads and reports; returns false when the file is missing or has errors.
bool load(const std::string& path, cr::LoadResult& result, bool print_warnings) {
    std::string text;
    if (!read_quiz_file(path, text)) return false;
    result = cr::load_quiz(text);
    check_picture_files(path, text, result);
    print_diagnostics(path, result, print_warnings);
    if (result.ok) cr::set_catalogue(cr::Catalogue(result.quiz.language, result.quiz.strings));  // score's report
    return result.ok;
}

// One file's entry in `validate --json`.
nlohmann::ordered_json file_json(const std::string& file, const cr::LoadResult& result) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& d : result.diagnostics) {
        list.push_back({{"severity", d.severity == cr::Severity::Error ? "error" : "warning"},
                        {"line", d.line},
                        {"column", d.column},
                        {"path", d.path},
                        {"where", d.where},
                        {"check", cr::check_name(d.check)},
                        {"schema_checks", cr::schema_checks(d.check)},
                        {"message", d.message}});
    }
    return {{"file", file}, {"ok", result.ok}, {"diagnostics", std::move(list)}};
}

int validate(int argc, char** argv) {
    std::vector<std::string> files;
    bool json = false;
    for (int i = 2; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--json")) json = true;
        else files.push_back(argv[i]);
    }
    if (files.empty()) {
        std::fprintf(stderr, "crossroads validate: name at least one quiz file\n%s", kUsage);
        return 2;
    }
    int failed = 0;
    nlohmann::ordered_json report = nlohmann::ordered_json::array();
    std::map<std::pair<std::string, int>, std::string> seen;
    for (const auto& file : files) {
        cr::LoadResult result;
        std::string text;
        if (read_quiz_file(file, text)) {
            result = cr::load_quiz(text);
            check_picture_files(file, text, result);
            check_same_version(file, text, result, seen);
            if (json) report.push_back(file_json(file, result));
            else print_diagnostics(file, result, true);
            if (result.ok && !json) std::printf("%s: ok\n", file.c_str());
        }
        if (!result.ok) ++failed;
    }
    if (json) std::printf("%s\n", report.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
    return failed == 0 ? 0 : 1;
}

int score(int argc, char** argv) {
    std::string file, answers;
    bool json = false;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--json") json = true;
        else if (arg == "--answers" && i + 1 < argc) answers = argv[++i];
        else if (arg.rfind("--answers=", 0) == 0) answers = arg.substr(10);
        else if (!arg.empty() && arg[0] != '-' && file.empty()) file = arg;
        else {
            std::fprintf(stderr, "crossroads score: unexpected argument '%s'\n%s", arg.c_str(), kUsage);
            return 2;
        }
    }
    if (file.empty()) {
        std::fprintf(stderr, "crossroads score: name a quiz file\n%s", kUsage);
        return 2;
    }
    cr::LoadResult loaded;
    if (!load(file, loaded, false)) return 1;
    cr::Answers parsed;
    std::string error;
    if (!cr::parse_answers(loaded.quiz, answers, parsed, error)) {
        std::fprintf(stderr, "%s: error: --answers: %s\n", file.c_str(), error.c_str());
        return 2;
    }
    if (std::none_of(parsed.begin(), parsed.end(), [](const cr::Answer& a) { return a.given; })) {
        std::fprintf(stderr, "%s: error: --answers: no answers given; a result needs at least one\n", file.c_str());
        return 2;
    }
    for (const std::string& note : cr::ignored_answers(loaded.quiz, parsed))
        std::fprintf(stderr, "%s: note: %s\n", file.c_str(), note.c_str());
    const cr::Result result = cr::score(loaded.quiz, parsed);
    const std::string out = json ? cr::result_json(loaded.quiz, parsed, result) + "\n"
                                 : cr::result_text(loaded.quiz, parsed, result);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

int test(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "crossroads test: name a quiz file and a profiles file\n%s", kUsage);
        return 2;
    }
    cr::LoadResult loaded;
    if (!load(argv[2], loaded, false)) return 1;
    std::string text;
    if (!read_quiz_file(argv[3], text)) return 2;
    std::vector<cr::ProfileVerdict> verdicts;
    std::string error;
    if (!cr::run_profiles(loaded.quiz, text, verdicts, error)) {
        std::fprintf(stderr, "%s: error: %s\n", argv[3], error.c_str());
        return 2;
    }
    int failed = 0;
    for (const cr::ProfileVerdict& v : verdicts) {
        if (v.problems.empty()) std::printf("ok    %s: %s\n", v.name.c_str(), v.expect.c_str());
        else std::printf("FAIL  %s: %s\n", v.name.empty() ? "(unnamed)" : v.name.c_str(), v.problems.c_str());
        failed += v.problems.empty() ? 0 : 1;
    }
    std::printf("%zu profiles, %d failed\n", verdicts.size(), failed);
    return failed == 0 ? 0 : 1;
}

int explore(int argc, char** argv) {
    const bool filtered = argc == 5 && std::string(argv[3]) == "--where";
    if (argc != 3 && !filtered) {
        std::fprintf(stderr, "crossroads explore: name one quiz file, and optionally --where q1=a+b,q2=0..3\n%s", kUsage);
        return 2;
    }
    cr::LoadResult loaded;
    if (!load(argv[2], loaded, false)) return 1;
    const cr::Quiz& quiz = loaded.quiz;
    cr::Rule where;
    std::string error;
    if (filtered && !cr::parse_where(quiz, argv[4], where, error)) {
        std::fprintf(stderr, "crossroads explore: --where: %s\n", error.c_str());
        return 2;
    }
    const cr::Exploration e = cr::explore(quiz, 1000000, false, filtered ? &where : nullptr);
    auto percent = [](double share) { return cr::format_number(std::round(share * 1000) / 10) + "%"; };
    std::printf("%s: %s answer sets%s, %s (the knowledge part counts as one answer set per band it can reach, plus "
                "skipped; a scale as one per range of values that score alike, weighted by its values)\n",
                argv[2], cr::format_number(e.answer_sets).c_str(), filtered ? (std::string(" where ") + argv[4]).c_str() : "",
                e.exhaustive ? "every one walked" : "sampled at random");
    int flagged = 0;
    for (const cr::OutcomeShare& s : e.outcomes) {
        std::printf("%-12s %6s", quiz.outcomes[s.outcome].id.c_str(), percent(s.share).c_str());
        if (s.share == 0) {
            std::printf("%s\n", filtered ? "" : e.exhaustive ? "  NO ANSWERS REACH IT" : "  NO ANSWERS REACH IT (in the sample)");
            flagged += filtered ? 0 : 1;
            continue;
        }
        std::printf(s.top.empty() ? "  no answer weighs for it: rules decide it" : "  weighed most:");
        for (size_t k = 0; k < s.top.size(); ++k)
            std::printf("%s %s (%s)", k ? "," : "", s.top[k].answer.c_str(), percent(s.top[k].share).c_str());
        std::printf("\n");
    }
    for (const cr::RuleShare& s : e.rules) {
        const cr::DecisionRule& rule = quiz.rules[s.rule];
        std::printf("rule %-20s -> %-12s holds for %6s, decides %6s", rule.id.c_str(), quiz.outcomes[rule.outcome].id.c_str(),
                    percent(s.holds).c_str(), percent(s.decided).c_str());
        if (s.decided == 0 && !filtered) {
            std::printf("  NEVER DECIDES%s", s.holds > 0 ? ": earlier rules decide wherever it holds" : ": no answers meet it");
            ++flagged;
        }
        std::printf("\n");
    }
    for (const auto& [o, k] : filtered ? decltype(e.unmet_requirements){} : e.unmet_requirements) {
        std::printf("requirement %d of %s: NO ANSWERS MEET IT: %s\n", k, quiz.outcomes[o].id.c_str(),
                    quiz.outcomes[o].requirements[k].missing.c_str());
        ++flagged;
    }
    return flagged == 0 ? 0 : 1;
}

int page_words(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "crossroads page-words: name the shipped quiz file\n%s", kUsage);
        return 2;
    }
    cr::LoadResult loaded;
    if (!load(argv[2], loaded, false)) return 1;
    auto words = [](const cr::Catalogue& c) {
        nlohmann::ordered_json out = nlohmann::ordered_json::object();
        for (cr::Key key : cr::kPageWords) out[cr::key_name(key)] = c.form(key, cr::Plural::Other);
        return out;
    };
    nlohmann::ordered_json all = nlohmann::ordered_json::object();
    for (const std::string& language : cr::built_in_languages()) all[language] = words(cr::Catalogue(language, {}));
    const std::string& language = loaded.quiz.language;
    const nlohmann::ordered_json own = words(cr::Catalogue(language, loaded.quiz.strings));
    all[cr::base_language(language)] = own;
    std::printf("%s\n", nlohmann::ordered_json{{"language", language}, {"page", own}, {"words", all}}.dump().c_str());
    return 0;
}

int compile(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "crossroads compile: name the quiz file and the form to write\n%s", kUsage);
        return 2;
    }
    cr::LoadResult loaded;
    if (!load(argv[2], loaded, false)) return 1;  // the build's step: errors stop it, warnings are validate's
    const std::string form = cr::write_form(loaded.quiz);
    std::ofstream out(argv[3], std::ios::binary | std::ios::trunc);
    if (!out.write(form.data(), static_cast<std::streamsize>(form.size())) || !out.flush()) {
        std::fprintf(stderr, "%s: error: cannot write the file\n", argv[3]);
        return 2;
    }
    return 0;
}

}  // namespace

// On Linux with glibc, runs this program again with malloc asking for transparent huge pages
// (GLIBC_TUNABLES=glibc.malloc.hugetlb=1, glibc 2.35+): a long quiz's JSON tree is many small blocks, and faulting
// in their 4 KiB pages one by one cost as much as parsing (bench/validate-speed.py: 10,000 questions, about 410 ms
// without, 280 to 340 ms with). Returns only when the exec did not happen; the program then runs as it is.
void prefer_huge_pages(char** argv) {
#if defined(__linux__) && defined(__GLIBC__)
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    std::string value = tunables ? tunables : "";
    if (value.find("glibc.malloc.hugetlb") != std::string::npos) return;
    value += (value.empty() ? "" : ":") + std::string("glibc.malloc.hugetlb=1");
    if (setenv("GLIBC_TUNABLES", value.c_str(), 1) == 0) execv("/proc/self/exe", argv);
#else
    (void)argv;
#endif
}

int main(int argc, char** argv) {
    prefer_huge_pages(argv);
    if (argc < 2 || (argc == 2 && wants_help(argc, argv))) {
        std::printf("%s", kUsage);
        return argc < 2 ? 2 : 0;
    }
    const std::string command = argv[1];
    if (wants_help(argc, argv)) {
        std::printf("%s", kUsage);
        return 0;
    }
    if (command == "validate") return validate(argc, argv);
    if (command == "score") return score(argc, argv);
    if (command == "test") return test(argc, argv);
    if (command == "explore") return explore(argc, argv);
    if (command == "page-words") return page_words(argc, argv);
    if (command == "compile") return compile(argc, argv);
    std::fprintf(stderr, "crossroads: unknown command '%s'\n%s", command.c_str(), kUsage);
    return 2;
}
