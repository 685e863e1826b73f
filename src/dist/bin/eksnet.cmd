@echo off
rem eksnet, as installed from a release archive: runs lib\eksnet-cli.jar with Java 17 or newer,
rem in this order: EKSNET_JAVA, %JAVA_HOME%\bin\java.exe, then java.exe on the PATH.
setlocal
set "EKSNET_HOME=%~dp0.."
set "JAVA_EXE=java.exe"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if defined EKSNET_JAVA set "JAVA_EXE=%EKSNET_JAVA%"
if not exist "%EKSNET_HOME%\lib\eksnet-cli.jar" (
  echo eksnet: %EKSNET_HOME%\lib\eksnet-cli.jar is missing; unpack the whole release archive 1>&2
  exit /b 2
)
"%JAVA_EXE%" -XX:+UseSerialGC -jar "%EKSNET_HOME%\lib\eksnet-cli.jar" %*
exit /b %ERRORLEVEL%
