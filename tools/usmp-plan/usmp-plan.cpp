//===- usmp-plan.cpp - Plan buffer layouts from CSV or JSON ---------------===//
//
// Reads a planning problem (MiniMalloc CSV or the planner's JSON format),
// plans it with a registered algorithm and writes the plan in either format,
// with a one-line summary on stderr. See docs/Planner.md.
//
//===----------------------------------------------------------------------===//

#include "usmp/Planner/Algorithm.h"
#include "usmp/Planner/CSV.h"
#include "usmp/Planner/Exact.h"
#include "usmp/Planner/JSON.h"
#include "usmp/Planner/LowerBound.h"
#include "usmp/Planner/Verifier.h"
#include "usmp/Version.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>

using namespace usmp::planner;
namespace cl = llvm::cl;

namespace {
enum class Format { Auto, Csv, Json };
enum class ExactMode { Minimize, Decision };

cl::OptionCategory category("usmp-plan options");

cl::opt<std::string> inputFile(cl::Positional, cl::desc("<input file or ->"),
                               cl::init("-"), cl::cat(category));
cl::opt<std::string> outputFile("o", cl::desc("Write the plan to <file>"),
                                cl::value_desc("file"), cl::init("-"),
                                cl::cat(category));
cl::opt<Format> outputFormat(
    "format", cl::desc("Output format (default: the input's)"),
    cl::values(clEnumValN(Format::Csv, "csv",
                          "The input CSV with an offset column"),
               clEnumValN(Format::Json, "json", "JSON pools and buffers")),
    cl::init(Format::Auto), cl::cat(category));
cl::opt<std::string>
    algorithmName("algorithm",
                  cl::desc("Planning algorithm (see --list-algorithms)"),
                  cl::init("auto"), cl::cat(category));
cl::opt<bool> listAlgorithms("list-algorithms",
                             cl::desc("Print the registered algorithms"),
                             cl::cat(category));
cl::opt<uint64_t> timeLimitMs(
    "time-limit-ms",
    cl::desc("Time budget of searching algorithms (0: their default)"),
    cl::init(0), cl::cat(category));
cl::opt<ExactMode> exactMode(
    "exact-mode", cl::desc("What --algorithm=exact searches for"),
    cl::values(clEnumValN(ExactMode::Minimize, "minimize",
                          "The smallest layout (default)"),
               clEnumValN(ExactMode::Decision, "decision",
                          "The first layout within every pool's size hint")),
    cl::init(ExactMode::Minimize), cl::cat(category));
cl::opt<uint64_t> seed("seed", cl::desc("Seed of randomized algorithms"),
                       cl::init(0), cl::cat(category));
cl::opt<bool> verify("verify",
                     cl::desc("Check the plan with the independent verifier"),
                     cl::cat(category));
cl::opt<std::string> capacity("capacity",
                              cl::desc("Pool capacity in bytes for CSV input"),
                              cl::value_desc("bytes"), cl::cat(category));
} // namespace

static int fail(const llvm::Twine &message) {
  llvm::WithColor::error(llvm::errs(), "usmp-plan") << message << "\n";
  return 1;
}

static Format detectFormat(llvm::StringRef path, llvm::StringRef text) {
  llvm::StringRef extension = llvm::sys::path::extension(path);
  if (extension.equals_insensitive(".csv"))
    return Format::Csv;
  if (extension.equals_insensitive(".json"))
    return Format::Json;
  // Both readers skip a UTF-8 byte order mark.
  text.consume_front("\xEF\xBB\xBF");
  return text.ltrim().starts_with("{") ? Format::Json : Format::Csv;
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::SetVersionPrinter([](llvm::raw_ostream &os) {
    os << "usmp-plan " << USMP_VERSION << "\n";
  });
  cl::ParseCommandLineOptions(argc, argv, "usmp static memory planner\n");

  if (listAlgorithms) {
    for (const std::string &name : getAlgorithmNames())
      llvm::outs() << name << "\n";
    return 0;
  }

  bool decision = exactMode == ExactMode::Decision;
  if (decision && algorithmName != "exact")
    return fail("--exact-mode=decision applies to --algorithm=exact only");

  // Options first: a typo is reported before the input is read (from a
  // terminal, that would wait for it).
  llvm::Expected<std::unique_ptr<Algorithm>> algorithm =
      createAlgorithm(algorithmName);
  if (!algorithm)
    return fail(llvm::toString(algorithm.takeError()));
  std::optional<uint64_t> capacityBytes;
  if (capacity.getNumOccurrences()) {
    uint64_t value = 0;
    if (llvm::StringRef(capacity).getAsInteger(10, value))
      return fail("--capacity: expected a non-negative integer, found '" +
                  capacity + "'");
    capacityBytes = value;
  }

  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> input =
      llvm::MemoryBuffer::getFileOrSTDIN(inputFile, /*IsText=*/true);
  if (!input)
    return fail("cannot read '" + inputFile +
                "': " + input.getError().message());
  llvm::StringRef text = (*input)->getBuffer();
  std::string where =
      inputFile == "-" ? std::string("<stdin>") : inputFile.getValue();

  Format inputFormat = detectFormat(inputFile, text);
  std::optional<CsvDocument> csv;
  Problem problem;
  if (inputFormat == Format::Csv) {
    llvm::Expected<CsvDocument> document = readCsv(text, capacityBytes);
    if (!document)
      return fail(where + ": " + llvm::toString(document.takeError()));
    csv = std::move(*document);
    problem = std::move(csv->problem);
  } else {
    if (capacityBytes)
      return fail("--capacity applies to CSV input only; give JSON pools a "
                  "size_hint");
    llvm::Expected<Problem> parsed = readJsonProblem(text);
    if (!parsed)
      return fail(where + ": " + llvm::toString(parsed.takeError()));
    problem = std::move(*parsed);
  }
  if (llvm::Error error = problem.finalize())
    return fail(where + ": " + llvm::toString(std::move(error)));

  // Without any hint every layout fits, so decision mode would just return
  // its starting layout.
  if (decision && llvm::none_of(problem.pools, [](const Pool &pool) {
        return pool.sizeHint.has_value();
      }))
    return fail("--exact-mode=decision needs a capacity: give --capacity for "
                "CSV input or a size_hint to a JSON pool");

  PlanOptions options;
  options.seed = seed;
  options.timeLimitMs = timeLimitMs;

  auto start = std::chrono::steady_clock::now();
  ExactOptions exactOptions;
  exactOptions.minimize = !decision;
  llvm::Expected<Plan> plan = decision
                                  ? planExact(problem, options, exactOptions)
                                  : (*algorithm)->plan(problem, options);
  double milliseconds = std::chrono::duration<double, std::milli>(
                            std::chrono::steady_clock::now() - start)
                            .count();
  if (!plan)
    return fail(where + ": " + llvm::toString(plan.takeError()));
  if (verify)
    if (llvm::Error error = verifyPlan(problem, *plan))
      return fail(where + ": " + llvm::toString(std::move(error)));

  LowerBounds bounds = computeLowerBounds(problem);
  uint64_t total = totalSize(*plan);
  bool optimal = plan->provenOptimal || reachesLowerBound(total, bounds.total);

  Format format = outputFormat == Format::Auto ? inputFormat : outputFormat;
  std::string output;
  if (format == Format::Json) {
    output = writeJsonPlan(problem, *plan, {bounds.total, optimal});
  } else if (csv) {
    // The document's rows and the problem's buffers share their order.
    output = writeCsvPlan(*csv, *plan);
  } else {
    llvm::Expected<std::string> written = writeCsvPlan(problem, *plan);
    if (!written)
      return fail(where + ": " + llvm::toString(written.takeError()));
    output = std::move(*written);
  }

  std::error_code ec;
  llvm::ToolOutputFile out(outputFile, ec, llvm::sys::fs::OF_Text);
  if (ec)
    return fail("cannot write '" + outputFile + "': " + ec.message());
  out.os() << output;
  // A full disk shows only on flushing; report it instead of success.
  out.os().flush();
  if (std::error_code error = out.os().error()) {
    out.os().clear_error();
    return fail("cannot write '" + outputFile + "': " + error.message());
  }
  out.keep();

  std::string pools;
  for (auto [index, pool] : llvm::enumerate(problem.pools))
    pools += (index ? " " : "") + pool.name + "=" +
             std::to_string(plan->poolSizes[index]);
  if (pools.empty())
    pools = "(none)";
  llvm::errs() << "usmp-plan: algorithm " << plan->algorithm << ", pools "
               << pools << ", total " << total << ", lower bound "
               << bounds.total << ", gap "
               << llvm::format("%.2f", gapPercent(total, bounds.total))
               << "%, optimal " << (optimal ? "yes" : "no") << ", time "
               << llvm::format("%.3f", milliseconds) << " ms\n";
  return 0;
}
