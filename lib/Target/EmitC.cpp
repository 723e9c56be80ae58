//===- EmitC.cpp - Print a lowered model as C files -----------------------===//

#include "usmp/Target/EmitC.h"
#include "usmp/Dialect/USMP/USMPDialect.h"
#include "usmp/Dialect/USMP/USMPUtils.h"

#include "mlir/Dialect/DLTI/DLTI.h"
#include "mlir/Dialect/EmitC/IR/EmitC.h"
#include "mlir/Target/Cpp/CppEmitter.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

/// Upstream's printer writes `f()` for a function without parameters, which C
/// reads as a declaration without a prototype (-Wstrict-prototypes). Such a
/// function is printed under its name plus a marker `(void/*TOKEN*/`, which
/// with the printed parentheses is then rewritten to `f(void)`; calls to it
/// print the plain name. TOKEN occurs nowhere else in the printed file, so
/// no string or comment is rewritten.
static unsigned markParameterlessFunctions(emitc::FileOp file,
                                           StringRef marker) {
  DenseMap<StringAttr, StringAttr> renames;
  for (auto function : file.getOps<emitc::FuncOp>())
    if (function.getNumArguments() == 0)
      renames[function.getNameAttr()] =
          StringAttr::get(file.getContext(), function.getName() + marker);
  if (renames.empty())
    return 0;
  // Each function prints one declarator, and so does each prototype of it.
  unsigned declarators = renames.size();
  file.walk([&](emitc::DeclareFuncOp declaration) {
    declarators += renames.count(declaration.getSymNameAttr().getAttr());
  });
  SmallVector<emitc::CallOp> calls;
  file.walk([&](emitc::CallOp call) {
    if (renames.count(call.getCalleeAttr().getAttr()))
      calls.push_back(call);
  });
  for (emitc::CallOp call : calls) {
    OpBuilder builder(call);
    auto opaque = emitc::CallOpaqueOp::create(
        builder, call.getLoc(), call.getResultTypes(), call.getCallee(),
        call.getOperands());
    call.replaceAllUsesWith(opaque);
    call.erase();
  }
  usmp::replaceSymbolReferences(file, renames);
  for (auto function : file.getOps<emitc::FuncOp>())
    if (StringAttr name = renames.lookup(function.getNameAttr()))
      function.setName(name);
  return declarators;
}

/// Upstream's printer finds the function of each `emitc.declare_func` by
/// scanning the file from its start: quadratic in the number of functions
/// (190 s for 16000). Each prototype is printed instead beside a copy of its
/// function's signature alone, in a file of its own, and the declaration
/// replaced by that text (a verbatim without operands prints it as it is):
/// the same text, in linear time.
static LogicalResult inlinePrototypes(emitc::FileOp file) {
  DenseMap<StringAttr, Operation *> symbols;
  for (Operation &op : file.getOps())
    if (auto name =
            op.getAttrOfType<StringAttr>(SymbolTable::getSymbolAttrName()))
      symbols.try_emplace(name, &op);
  // Those in a symbol table of their own (a class) are left to upstream.
  SmallVector<emitc::DeclareFuncOp> declarations;
  file.walk([&](emitc::DeclareFuncOp declaration) {
    if (SymbolTable::getNearestSymbolTable(declaration) == file)
      declarations.push_back(declaration);
  });
  if (declarations.empty())
    return success();
  OpBuilder builder(file.getContext());
  OwningOpRef<emitc::FileOp> scratch =
      emitc::FileOp::create(builder, file.getLoc(), file.getId());
  Block *body = scratch->getBody();
  for (emitc::DeclareFuncOp declaration : declarations) {
    auto function = dyn_cast_or_null<emitc::FuncOp>(
        symbols.lookup(declaration.getSymNameAttr().getAttr()));
    // What upstream cannot print is left to it, and its error.
    if (!function || function.isExternal())
      continue;
    Operation *signature = function->cloneWithoutRegions();
    auto *entry = new Block;
    signature->getRegion(0).push_back(entry);
    for (BlockArgument argument : function.getArguments())
      entry->addArgument(argument.getType(), argument.getLoc());
    body->push_back(signature);
    Operation *copy = declaration->clone();
    body->push_back(copy);
    std::string text;
    llvm::raw_string_ostream stream(text);
    LogicalResult printed = emitc::translateToCpp(
        copy, stream, /*declareVariablesAtTop=*/false, file.getId());
    copy->erase();
    signature->erase();
    if (failed(printed))
      return failure();
    builder.setInsertionPoint(declaration);
    emitc::VerbatimOp::create(builder, declaration.getLoc(),
                              StringRef(text).rtrim('\n'));
    declaration.erase();
  }
  return success();
}

/// Checks the files of `module` and prints them into `texts`, after those
/// of the modules before it; `ids` holds the file ids of every module, with
/// the module of each.
static LogicalResult printFiles(ModuleOp module, llvm::StringMap<ModuleOp> &ids,
                                SmallVectorImpl<emitc::FileOp> &files,
                                SmallVectorImpl<std::string> &texts) {
  size_t first = files.size();
  llvm::append_range(files, module.getOps<emitc::FileOp>());
  if (files.size() == first)
    return emitError(module.getLoc())
           << "the module has no emitc.file to write; run "
              "convert-usmp-to-emitc first";
  // Upstream's printer copies what is outside the files into each of them,
  // and prints no file inside another.
  for (Operation &op : *module.getBody())
    if (!isa<emitc::FileOp>(op))
      return emitError(op.getLoc())
             << "'" << op.getName()
             << "' is outside every emitc.file; a file holds all it prints";
  auto ownFiles = llvm::ArrayRef(files).drop_front(first);
  for (emitc::FileOp file : ownFiles) {
    emitc::FileOp nested;
    file.walk([&](emitc::FileOp inner) {
      if (inner != file)
        nested = inner;
    });
    if (nested)
      return emitError(nested.getLoc())
             << "an emitc.file inside another is not written; files sit at "
                "the module's top level";
  }
  // Each file goes into the directory itself, never elsewhere, and no two
  // into one (a NUL would end the path early). Errors are at the file's
  // location without the file attached, which would print it whole.
  for (emitc::FileOp file : ownFiles) {
    StringRef id = file.getId();
    if (id.empty() || id == "." || id == ".." ||
        id.find_first_of(StringRef("/\\\0", 3)) != StringRef::npos)
      return emitError(file.getLoc())
             << "file id '" << id << "' is not a plain file name";
    auto [it, inserted] = ids.try_emplace(id, module);
    if (!inserted)
      return emitError(file.getLoc())
             << "file id '" << id << "' is used twice"
             << (it->second != module ? " (models in one directory need model "
                                        "names of their own)"
                                      : "");
  }
  // Printed from a copy, which markParameterlessFunctions changes; errors
  // point at the original.
  OwningOpRef<ModuleOp> copy = module.clone();
  auto translate = [](ModuleOp printedModule, emitc::FileOp printed,
                      std::string &text) {
    llvm::raw_string_ostream stream(text);
    return emitc::translateToCpp(printedModule, stream,
                                 /*declareVariablesAtTop=*/false,
                                 printed.getId());
  };
  auto count = [](StringRef text, StringRef token) {
    size_t found = 0;
    for (size_t at = text.find(token); at != StringRef::npos;
         at = text.find(token, at + token.size()))
      ++found;
    return found;
  };
  for (auto [index, printed] : llvm::enumerate(copy->getOps<emitc::FileOp>())) {
    // The marker's token must occur nowhere else in the file's text: when
    // it occurs exactly once per marked declarator it does (a second print
    // only to look for it doubled the time), else the file is printed
    // unmarked from a fresh copy to choose one that does not occur.
    std::string token = "usmp_void";
    std::string marker = "(void/*" + token + "*/";
    std::string text;
    unsigned declarators = markParameterlessFunctions(printed, marker);
    if (failed(inlinePrototypes(printed)) ||
        failed(translate(*copy, printed, text)))
      return failure();
    if (count(text, token) != declarators) {
      auto fileOf = [&](ModuleOp copy) {
        return *std::next(copy.getOps<emitc::FileOp>().begin(),
                          static_cast<std::ptrdiff_t>(index));
      };
      OwningOpRef<ModuleOp> probe = module.clone();
      emitc::FileOp unmarked = fileOf(*probe);
      text.clear();
      if (failed(inlinePrototypes(unmarked)) ||
          failed(translate(*probe, unmarked, text)))
        return failure();
      for (unsigned n = 0; text.find(token) != std::string::npos; ++n)
        token = "usmp_void_" + std::to_string(n);
      marker = "(void/*" + token + "*/";
      // Marked from a fresh copy: the prototypes inlined above were
      // printed unmarked.
      OwningOpRef<ModuleOp> fresh = module.clone();
      unmarked = fileOf(*fresh);
      markParameterlessFunctions(unmarked, marker);
      text.clear();
      if (failed(inlinePrototypes(unmarked)) ||
          failed(translate(*fresh, unmarked, text)))
        return failure();
    }
    // One pass over the text: replacing in place would move the rest of it
    // for each function.
    std::string declarator = marker + "()";
    std::string result;
    StringRef rest = text;
    for (size_t at = rest.find(declarator); at != StringRef::npos;
         at = rest.find(declarator)) {
      result += rest.take_front(at);
      result += "(void)";
      rest = rest.drop_front(at + declarator.size());
    }
    result += rest;
    texts.push_back(std::move(result));
  }
  return success();
}

/// Appends the modules whose files are written: `module`, or when it holds
/// modules alone (one model each, as a pipeline nesting the passes in
/// modules leaves them) those of each, at any depth.
static LogicalResult modelModules(ModuleOp module,
                                  SmallVectorImpl<ModuleOp> &models) {
  if (module.getOps<ModuleOp>().empty()) {
    models.push_back(module);
    return success();
  }
  for (Operation &op : *module.getBody()) {
    auto nested = dyn_cast<ModuleOp>(op);
    if (!nested)
      return emitError(op.getLoc())
             << "'" << op.getName()
             << "' is beside modules; a module holds emitc.files, or modules "
                "holding them";
    if (failed(modelModules(nested, models)))
      return failure();
  }
  return success();
}

LogicalResult usmp::emitCFiles(ModuleOp module, StringRef directory) {
  SmallVector<ModuleOp> models;
  if (failed(modelModules(module, models)))
    return failure();
  // Every file is printed before any is written, so that a failure leaves
  // no new file behind.
  llvm::StringMap<ModuleOp> ids;
  SmallVector<emitc::FileOp> files;
  SmallVector<std::string> texts;
  for (ModuleOp model : models)
    if (failed(printFiles(model, ids, files, texts)))
      return failure();
  if (std::error_code error = llvm::sys::fs::create_directories(directory))
    return emitError(module.getLoc()) << "cannot create directory '"
                                      << directory << "': " << error.message();
  // A header without its source, or a new header beside an old source,
  // builds into a broken application: every file is written in full to a
  // temporary file beside its target first, and only when all are written
  // do they replace their targets. What cannot be replaced so is written in
  // place, after the temporary files and before any replaces its target: a
  // device, a file with other hard links, a dangling symlink, a file
  // beside which no temporary file can be made (a read-only directory, a
  // name too long for the suffix). A directory, a symlink loop, a file we
  // may not write and two files that are one are errors before anything is
  // written.
  namespace fs = llvm::sys::fs;
  struct Pending {
    emitc::FileOp file;
    /// Where the file goes, and where a symlink there points.
    SmallString<128> path, target;
    std::optional<fs::TempFile> temp;
    /// The regular file there, if any.
    std::optional<fs::UniqueID> id;
  };
  std::vector<Pending> pending;
  auto discardFrom = [&](size_t first) {
    for (Pending &each : llvm::drop_begin(pending, first))
      if (each.temp)
        llvm::consumeError(each.temp->discard());
  };
  // The files written where they go, for the error of a later one.
  SmallVector<StringRef> written;
  auto failWrite = [&](Pending &each, const llvm::Twine &message) {
    discardFrom(0);
    InFlightDiagnostic diag = emitError(each.file.getLoc())
                              << "cannot write '" << each.path
                              << "': " << message;
    if (!written.empty()) {
      diag << " (written already: ";
      llvm::interleaveComma(
          written, diag, [&](StringRef path) { diag << "'" << path << "'"; });
      diag << ")";
    }
    return diag;
  };
  // A failed write (a full disk) or close would otherwise abort in the
  // stream's destructor. A temporary file's descriptor stays open: keep()
  // closes it.
  auto writeTo = [](llvm::raw_fd_ostream &os, StringRef text, bool close) {
    os << text;
    if (close)
      os.close();
    else
      os.flush();
    std::error_code error = os.error();
    os.clear_error();
    return error;
  };
  auto writeInPlace = [&](Pending &each, StringRef text) -> LogicalResult {
    std::error_code error;
    llvm::raw_fd_ostream os(each.path, error, fs::OF_Text);
    if (!error)
      error = writeTo(os, text, /*close=*/true);
    if (error)
      return failWrite(each, error.message());
    written.push_back(each.path);
    return success();
  };
  for (auto [file, text] : llvm::zip_equal(files, texts)) {
    Pending &each = pending.emplace_back();
    each.file = file;
    each.path = directory;
    llvm::sys::path::append(each.path, file.getId().getValue());
    each.target = each.path;
    fs::file_status followed;
    std::error_code followError = fs::status(each.path, followed);
    // Two ids that are links to one file would leave only the last text.
    if (!followError && fs::is_regular_file(followed)) {
      each.id = followed.getUniqueID();
      for (Pending &other : llvm::drop_end(pending))
        if (other.id == each.id)
          return failWrite(each, "it is the same file as '" + other.path +
                                     "' (a link); each file needs its own");
    }
    fs::file_status status;
    bool exists = !fs::status(each.path, status, /*Follow=*/false);
    // A symlink stays one: the file it points to is replaced.
    bool resolved = !exists || !fs::is_symlink_file(status) ||
                    (!fs::real_path(each.path, each.target) &&
                     !fs::status(each.target, status));
    bool replace =
        resolved &&
        (!exists ||
         (fs::is_regular_file(status) && status.getLinkCount() == 1 &&
          !fs::access(each.target, fs::AccessMode::Write)));
    if (!replace) {
      // What would fail in place fails before anything is written: a
      // directory, a symlink loop, a file we may not write.
      std::error_code error = followError;
      if (!error && fs::is_directory(followed))
        error = std::make_error_code(std::errc::is_a_directory);
      else if (!error)
        error = fs::access(each.path, fs::AccessMode::Write);
      else if (error == std::errc::no_such_file_or_directory)
        error = {};
      if (error)
        return failWrite(each, error.message());
      continue;
    }
    llvm::Expected<fs::TempFile> temp =
        fs::TempFile::create(each.target + ".tmp-%%%%%%");
    if (!temp) {
      llvm::consumeError(temp.takeError());
      continue;
    }
    each.temp = std::move(*temp);
    // The replacement keeps the permissions of the file it replaces.
    if (exists)
      fs::setPermissions(each.temp->TmpName, status.permissions());
    llvm::raw_fd_ostream os(each.temp->FD, /*shouldClose=*/false);
    if (std::error_code error = writeTo(os, text, /*close=*/false))
      return failWrite(each, error.message());
  }
  for (auto [each, text] : llvm::zip_equal(pending, texts))
    if (!each.temp && failed(writeInPlace(each, text)))
      return failure();
  // Renamed by hand: keep() would copy the file when the rename fails,
  // leaving the temporary file behind. A target that cannot be replaced
  // (another's file in a sticky directory) is written in place instead.
  for (auto [each, text] : llvm::zip_equal(pending, texts)) {
    if (!each.temp)
      continue;
    std::error_code error = fs::rename(each.temp->TmpName, each.target);
    if (!error) {
      llvm::consumeError(each.temp->keep());
      each.temp.reset();
      written.push_back(each.path);
      continue;
    }
    llvm::consumeError(each.temp->discard());
    each.temp.reset();
    if (failed(writeInPlace(each, text)))
      return failure();
  }
  return success();
}

static void registerTranslation();

void usmp::registerUSMPEmitCTranslation() {
  // Once: a second registration of the translation (or of the option) is a
  // fatal error in LLVM.
  static const bool registered = [] {
    registerTranslation();
    return true;
  }();
  (void)registered;
}

static void registerTranslation() {
  static llvm::cl::opt<std::string> outputDir(
      "output-dir",
      llvm::cl::desc("Directory --usmp-emit-c writes the C files into"),
      llvm::cl::init("."));
  TranslateFromMLIRRegistration registration(
      "usmp-emit-c",
      "Write the header and source of a model lowered by "
      "convert-usmp-to-emitc into --output-dir",
      [](Operation *op, raw_ostream &os) -> LogicalResult {
        auto module = dyn_cast<ModuleOp>(op);
        if (!module)
          return op->emitError("expected a builtin.module");
        if (failed(usmp::emitCFiles(module, outputDir)))
          return failure();
        module.walk<WalkOrder::PreOrder>([&](emitc::FileOp file) {
          SmallString<128> path(outputDir);
          llvm::sys::path::append(path, file.getId().getValue());
          os << path << "\n";
          return WalkResult::skip();
        });
        return success();
      },
      [](DialectRegistry &registry) {
        // The lowering keeps the module's data layout, if it has one.
        registry.insert<DLTIDialect, emitc::EmitCDialect, usmp::USMPDialect>();
      });
}
