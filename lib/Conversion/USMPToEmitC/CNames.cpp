//===- CNames.cpp - Which names the generated C can use -------------------===//

#include "CNames.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;

std::string usmp::commentText(StringRef text) {
  std::string safe;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool control = static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
    safe += control || c == '\\' ? '_' : c;
    if (i + 1 < text.size() &&
        ((c == '*' && text[i + 1] == '/') || (c == '/' && text[i + 1] == '*') ||
         (c == '?' && text[i + 1] == '?')))
      safe += ' ';
  }
  return safe;
}

bool usmp::isReservedInC(StringRef name) {
  if (name.starts_with("M_") || name.starts_with("FP_") ||
      name.starts_with("SNAN") || name.starts_with("HUGE_VAL"))
    return true;
  static const llvm::StringSet<> reserved = [] {
    llvm::StringSet<> words;
    for (StringRef word :
         {// C99 to C23.
          "auto", "break", "case", "char", "const", "continue", "default", "do",
          "double", "else", "enum", "extern", "float", "for", "goto", "if",
          "inline", "int", "long", "register", "restrict", "return", "short",
          "signed", "sizeof", "static", "struct", "switch", "typedef", "union",
          "unsigned", "void", "volatile", "while", "alignas", "alignof", "bool",
          "constexpr", "false", "nullptr", "static_assert", "thread_local",
          "true", "typeof", "typeof_unqual",
          // C++ only.
          "and", "and_eq", "asm", "bitand", "bitor", "catch", "char8_t",
          "char16_t", "char32_t", "class", "co_await", "co_return", "co_yield",
          "compl", "concept", "const_cast", "consteval", "constinit",
          "decltype", "delete", "dynamic_cast", "explicit", "export", "friend",
          "mutable", "namespace", "new", "noexcept", "not", "not_eq",
          "operator", "or", "or_eq", "private", "protected", "public",
          "reinterpret_cast", "requires", "static_cast", "template", "this",
          "throw", "try", "typeid", "typename", "using", "virtual", "wchar_t",
          "xor", "xor_eq",
          // <stddef.h>, <math.h> and <stdint.h>.
          "NULL", "INFINITY", "NAN", "HUGE_VAL", "HUGE_VALF", "HUGE_VALL",
          "FP_INFINITE", "FP_NAN", "FP_NORMAL", "FP_SUBNORMAL", "FP_ZERO",
          "FP_ILOGB0", "FP_ILOGBNAN", "MATH_ERRNO", "MATH_ERREXCEPT",
          "math_errhandling", "SIZE_MAX", "PTRDIFF_MIN", "PTRDIFF_MAX",
          "INTPTR_MIN", "INTPTR_MAX", "UINTPTR_MAX", "INTMAX_MIN", "INTMAX_MAX",
          "UINTMAX_MAX", "SIG_ATOMIC_MIN", "SIG_ATOMIC_MAX", "WCHAR_MIN",
          "WCHAR_MAX", "WINT_MIN", "WINT_MAX", "MAXFLOAT", "HUGE",
          "INTPTR_WIDTH", "UINTPTR_WIDTH", "INTMAX_WIDTH", "UINTMAX_WIDTH",
          "PTRDIFF_WIDTH", "SIG_ATOMIC_WIDTH", "SIZE_WIDTH", "WCHAR_WIDTH",
          "WINT_WIDTH",
          // Predefined in GNU modes; and glibc's <stdlib.h>, which its
          // <math.h> includes in C++ (libstdc++ defines _GNU_SOURCE).
          "linux", "unix", "i386", "EXIT_SUCCESS", "EXIT_FAILURE", "RAND_MAX",
          "MB_CUR_MAX", "BYTE_ORDER", "BIG_ENDIAN", "LITTLE_ENDIAN",
          "PDP_ENDIAN", "FD_SETSIZE", "NFDBITS", "WNOHANG", "WUNTRACED",
          "WEXITED", "WSTOPPED", "WCONTINUED", "WNOWAIT"})
      words.insert(word);
    for (StringRef kind : {"INT", "INT_LEAST", "INT_FAST"})
      for (int width : {8, 16, 32, 64}) {
        std::string stem = kind.str() + std::to_string(width);
        words.insert(stem + "_MIN");
        words.insert(stem + "_MAX");
        words.insert("U" + stem + "_MAX");
        words.insert(stem + "_WIDTH");
        words.insert("U" + stem + "_WIDTH");
      }
    return words;
  }();
  return reserved.contains(name);
}

/// The words of `list`, separated by spaces.
static SmallVector<StringRef> words(StringRef list) {
  SmallVector<StringRef> result;
  list.split(result, ' ', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  return result;
}

static llvm::StringSet<> wordSet(StringRef list) {
  llvm::StringSet<> set;
  for (StringRef word : words(list))
    set.insert(word);
  return set;
}

LogicalResult usmp::checkExternalFunction(func::FuncOp function) {
  // The floating-point functions of <math.h> by arity: C99's, C23's and
  // glibc's.
  static const llvm::StringMap<unsigned> arity = [] {
    llvm::StringMap<unsigned> names;
    for (auto [list, count] :
         {std::pair<StringRef, unsigned>{
              "acos asin atan cos sin tan acosh asinh atanh cosh sinh tanh exp "
              "exp2 expm1 log log10 log1p log2 logb cbrt fabs sqrt erf erfc "
              "lgamma tgamma ceil floor nearbyint rint round trunc roundeven "
              "exp10 exp10m1 exp2m1 log10p1 log2p1 logp1 rsqrt sinpi cospi "
              "tanpi acospi asinpi atanpi nextup nextdown j0 j1 y0 y1 gamma "
              "significand pow10",
              1},
          {"atan2 hypot pow fmod remainder copysign fmax fmin fdim nextafter "
           "atan2pi powr fmaximum fminimum fmaximum_mag fminimum_mag "
           "fmaximum_num fminimum_num fmaximum_mag_num fminimum_mag_num "
           "scalb drem",
           2},
          {"fma", 3}})
      for (StringRef name : words(list))
        names[name] = count;
    return names;
  }();
  // The other functions and macros of <math.h>, which take integers or
  // pointers.
  static const llvm::StringSet<> otherMath = wordSet(
      "frexp ldexp modf nan nexttoward scalbn scalbln remquo lrint llrint "
      "lround llround ilogb fpclassify isnan isinf isfinite isnormal signbit "
      "isgreater isgreaterequal isless islessequal islessgreater isunordered "
      "iszero issignaling issubnormal iscanonical compoundn pown rootn jn yn "
      "finite sincos lgamma_r lgammaf_r lgammal_r gamma_r gammaf_r gammal_r "
      "signgam canonicalize llogb fromfp ufromfp fromfpx ufromfpx getpayload "
      "setpayload setpayloadsig totalorder totalordermag fadd fsub fmul fdiv "
      "ffma fsqrt dadd dsub dmul ddiv dfma dsqrt");
  // Compilers know these and refuse a declaration of another type (none
  // can be typed as in C: they take pointers, integers or varargs).
  static const llvm::StringSet<> library = wordSet(
      "main abort exit _Exit atexit malloc calloc realloc free abs labs llabs "
      "div ldiv lldiv atoi atol atoll atof strtod strtof strtold strtol "
      "strtoll strtoul strtoull rand srand qsort bsearch getenv system memcpy "
      "memmove memset memcmp memchr strcpy strncpy strcat strncat strcmp "
      "strncmp strlen strchr strrchr strstr strspn strcspn strpbrk strtok "
      "strxfrm strcoll strerror strdup strndup printf fprintf sprintf "
      "snprintf vprintf vfprintf vsprintf vsnprintf scanf fscanf sscanf puts "
      "putchar fputs fputc putc getchar fgets fgetc getc fopen fclose fread "
      "fwrite fflush setjmp longjmp isalnum isalpha isblank iscntrl isdigit "
      "isgraph islower isprint ispunct isspace isupper isxdigit tolower "
      "toupper alloca index rindex bzero bcopy bcmp ffs strcasecmp "
      "strncasecmp stpcpy strnlen mempcpy memrchr strsep");
  StringRef name = function.getName();
  auto fail = [&](const Twine &why) {
    return emitError(function.getLoc())
           << "@" << name << " has no body, so the C calls it by its name, "
           << why << "; rename it";
  };
  bool identifier =
      !name.empty() && !llvm::isDigit(name.front()) &&
      llvm::all_of(name, [](char c) { return llvm::isAlnum(c) || c == '_'; });
  if (!identifier)
    return fail("which is not a C identifier");
  static const llvm::StringSet<> functionMacros = [] {
    llvm::StringSet<> names = {"offsetof", "INTMAX_C", "UINTMAX_C"};
    for (int width : {8, 16, 32, 64}) {
      names.insert("INT" + std::to_string(width) + "_C");
      names.insert("UINT" + std::to_string(width) + "_C");
    }
    return names;
  }();
  if (isReservedInC(name) || functionMacros.contains(name))
    return fail("which is a C or C++ keyword or a macro of the included "
                "headers");
  if (name.starts_with("__") ||
      (name.size() > 1 && name[0] == '_' && llvm::isUpper(name[1])))
    return fail("which C reserves for the implementation");
  if (name.ends_with("_t"))
    return fail("which POSIX reserves for types (size_t, int8_t, ...)");
  // The printer names values v1, v2, ..., loop variables i1 to u<N> and
  // labels label1, ...
  bool label = name.starts_with("label");
  StringRef number = label ? name.drop_front(5) : name.drop_front();
  if (!number.empty() && number.front() != '0' &&
      llvm::all_of(number, llvm::isDigit) &&
      (label || (name.front() >= 'i' && name.front() <= 'v')))
    return fail("which is how the C printer names values, loop variables "
                "and labels");
  if (name.starts_with_insensitive("tvmgen_") || name.starts_with("TVM_") ||
      name.starts_with_insensitive("usmp_"))
    return fail("which the generated C uses for its own names");
  if (library.contains(name))
    return fail("which is a function of the C standard library");
  StringRef base = name;
  MLIRContext *context = function.getContext();
  Type real = Float64Type::get(context);
  StringRef spelling = "double";
  if (!arity.count(base) && !otherMath.contains(base)) {
    if (base.consume_back("l") &&
        (arity.count(base) || otherMath.contains(base)))
      return fail("which <math.h> declares for long double");
    base = name;
    if (base.consume_back("f")) {
      real = Float32Type::get(context);
      spelling = "float";
    }
  }
  if (otherMath.contains(base))
    return fail("which is a function or macro of <math.h> taking integers or "
                "pointers");
  auto it = arity.find(base);
  if (it == arity.end())
    return success();
  FunctionType type = function.getFunctionType();
  if (type.getNumInputs() == it->second && type.getNumResults() == 1 &&
      llvm::all_of(
          llvm::concat<const Type>(type.getInputs(), type.getResults()),
          [&](Type t) { return t == real; }))
    return success();
  return emitError(function.getLoc())
         << "@" << name << " has no body, so the C calls the C library's "
         << name << ", which <math.h> declares with " << it->second << " "
         << spelling << (it->second == 1 ? " argument" : " arguments")
         << " returning " << spelling << ", not as " << type
         << "; rename it or fix its type";
}
