//===- EmitCTranslationTest.cpp - Registering the C emission --------------===//

#include "usmp/Target/EmitC.h"

#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"

#include "gtest/gtest.h"

namespace {

// A compiler may register everything more than once (two libraries each
// calling their own setup): the translation and its option are registered
// once, where a second registration is a fatal error in LLVM.
TEST(EmitCTranslationTest, RegisteringTwiceIsHarmless) {
  usmp::registerUSMPEmitCTranslation();
  usmp::registerUSMPEmitCTranslation();
  EXPECT_EQ(llvm::cl::getRegisteredOptions().count("output-dir"), 1u);
  // The translations an mlir-translate-like tool would offer.
  llvm::cl::opt<const mlir::Translation *, false, mlir::TranslationParser>
      translations("emitc-translation-test", llvm::cl::desc("translations"));
  unsigned offered = 0;
  for (unsigned i = 0, e = translations.getParser().getNumOptions(); i < e; ++i)
    offered += translations.getParser().getOption(i) == "usmp-emit-c";
  EXPECT_EQ(offered, 1u);
}

} // namespace
