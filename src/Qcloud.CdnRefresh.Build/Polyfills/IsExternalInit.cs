namespace System.Runtime.CompilerServices;

/// <summary>Lets the compiler emit <c>init</c> accessors on .NET Framework, which does not define this type.</summary>
internal static class IsExternalInit;
