//===- EmitCTranslationTest.cpp - Registering the C emission --------------===//

#include "usmp/Target/EmitC.h"

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
}

} // namespace
