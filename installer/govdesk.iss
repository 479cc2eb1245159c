; govdesk — Inno Setup 6 script (Windows 10 1809 / Server 2019 or later, x64).
;
; Build on Windows (see installer/README.md):
;   1. .venv\Scripts\pip install -e .[build]
;      .venv\Scripts\pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller installer\govdesk.spec
;   2. "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\govdesk.iss
;      → dist\govdesk-<version>-setup-x64.exe
;
; The version is not written here: it is read from govdesk.exe, whose version resource govdesk.spec fills in from
; pyproject.toml (override with ISCC /DAppVersion=1.2.3 only for a test build).
; Needs Inno Setup 6.3 or later (x64compatible). Keep this file UTF-8 with a byte-order mark: without it
; Inno Setup reads the Chinese text as ANSI.

#define AppName "综治调解工作台"
#define AppExeName "govdesk.exe"
#ifndef BuildDir
  #define BuildDir AddBackslash(SourcePath) + "..\dist\govdesk"
#endif
#if !FileExists(BuildDir + "\" + AppExeName)
  #error "No PyInstaller build at BuildDir (run pyinstaller installer\govdesk.spec first, or pass ISCC /DBuildDir=...)"
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BuildDir + "\" + AppExeName, "ProductVersion")
#endif
#if AppVersion == ""
  #error "govdesk.exe has no ProductVersion: build it with installer\govdesk.spec"
#endif
#define NumericVersion GetVersionNumbersString(BuildDir + "\" + AppExeName)

; Simplified Chinese. ChineseSimplified.isl is one of Inno Setup's UNOFFICIAL translations: the Inno Setup
; installer does not include it. Download it on the build machine from https://jrsoftware.org/files/istrans/
; (or issrc: Files/Languages/Unofficial/ChineseSimplified.isl) into Inno Setup's Languages folder. Without it
; the bundled fallback below is used: English messages with the common pages and buttons overridden in Chinese.
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
  #define ChineseMessages "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(CompilerPath + "Languages\Unofficial\ChineseSimplified.isl")
  #define ChineseMessages "compiler:Languages\Unofficial\ChineseSimplified.isl"
#else
  #pragma message "ChineseSimplified.isl not found in Inno Setup's Languages folder: using installer\windows\ChineseSimplified-fallback.isl"
  #define ChineseMessages "compiler:Default.isl," + AddBackslash(SourcePath) + "windows\ChineseSimplified-fallback.isl"
#endif

[Setup]
; The AppId never changes: it is how a newer installer finds the installed copy and upgrades it in place
; (same folder, same shortcuts, one entry in Apps & features). A new AppId would install a second copy.
AppId={{6F1D2C9B-3E4A-4B7F-9A52-8C0E7D41B3A6}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=govdesk
AppComments=乡镇综治中心与人民调解工作台（离线可用）
VersionInfoVersion={#NumericVersion}
VersionInfoProductName=govdesk
VersionInfoDescription={#AppName} 安装程序
DefaultDirName={autopf}\govdesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
; Installs for all users (IT staff, administrator); a user without administrator rights may choose to install
; for themselves only ({autopf} then means %LOCALAPPDATA%\Programs).
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
; Qt 6 needs Windows 10 1809 (build 17763) or later.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; A running govdesk is closed (Restart Manager) before its files are replaced.
CloseApplications=yes
RestartApplications=no
SetupIconFile=..\resources\icons\govdesk.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
WizardStyle=modern
OutputDir=..\dist
OutputBaseFilename=govdesk-{#AppVersion}-setup-x64
Compression=lzma2/max
SolidCompression=yes
LZMAUseSeparateProcess=yes

[Languages]
Name: "chs"; MessagesFile: "{#ChineseMessages}"

[CustomMessages]
chs.DataKept=您的数据没有删除，仍保存在：%n%1%n%n重新安装 govdesk 后可以继续使用；如确实不再需要，可以手动删除这个文件夹（请先备份）。
chs.UninstallShortcut=卸载{#AppName}

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; Upgrades: the previous version's program files go first, so no old library lingers beside the new ones.
; Only the program folder's own content — never the user's data (%LOCALAPPDATA%\govdesk).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Comment: "乡镇综治中心与人民调解工作台"
Name: "{group}\{cm:UninstallShortcut}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; The uninstaller removes only what it installed, plus this: an empty folder QtWebEngine makes beside its
; resources on first start, which would keep {app} from being removed. Nothing of the user's: the data
; directory (%LOCALAPPDATA%\govdesk: the encrypted store, backups, crash reports) and the settings in the
; registry (HKCU\Software\govdesk) stay, so reinstalling or upgrading loses nothing.
Type: dirifempty; Name: "{app}\_internal\PySide6\resources\locales"
Type: dirifempty; Name: "{app}\_internal\PySide6\Qt\resources\locales"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
  begin
    DataDir := ExpandConstant('{localappdata}\govdesk');
    if DirExists(DataDir) then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [DataDir]), mbInformation, MB_OK);
  end;
end;
