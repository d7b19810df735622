#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes large-100k-scripts.xml: a Server 2019 sysprep answer file of more than
# 100 KB whose bulk is embedded scripts, the way build teams really ship them
# (a PowerShell script written line by line with "cmd /c echo ... >>", then
# -EncodedCommand blocks, then registry commands in RunSynchronous).
# The output is deterministic: run it again and the file is byte-identical.
# Usage: python3 make-large.py [OUTPUT]   (default: large-100k-scripts.xml beside this script)

import base64
import os
import sys

COMP_ATTRS = ('processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" '
              'language="neutral" versionScope="nonSxS" '
              'xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" '
              'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"')
SCRIPT = r'C:\Windows\Temp\baseline.ps1'
MAX_COMMAND = 1024   # documented limit of a CommandLine value

SERVICES_OFF = ['XblAuthManager', 'XblGameSave', 'MapsBroker', 'lfsvc', 'SharedAccess',
                'RemoteRegistry', 'WMPNetworkSvc', 'icssvc', 'PhoneSvc', 'WalletService',
                'RetailDemo', 'DiagTrack', 'dmwappushservice', 'WerSvc', 'Fax', 'Spooler',
                'TabletInputService', 'WbioSrvc', 'SSDPSRV', 'upnphost', 'FrameServer',
                'SensorService', 'SensrSvc', 'SensorDataService', 'ScDeviceEnum', 'SCardSvr',
                'AJRouter', 'ALG', 'bthserv', 'BTAGService', 'CDPSvc', 'PcaSvc',
                'TrkWks', 'stisvc', 'WiaRpc', 'wisvc', 'WpnService', 'TermService']
FEATURES = ['NET-Framework-45-Core', 'NET-Framework-45-ASPNET', 'Web-Server', 'Web-WebServer',
            'Web-Common-Http', 'Web-Default-Doc', 'Web-Dir-Browsing', 'Web-Http-Errors',
            'Web-Static-Content', 'Web-Health', 'Web-Http-Logging', 'Web-Performance',
            'Web-Stat-Compression', 'Web-Dyn-Compression', 'Web-Security', 'Web-Filtering',
            'Web-Basic-Auth', 'Web-Windows-Auth', 'Web-App-Dev', 'Web-Net-Ext45',
            'Web-Asp-Net45', 'Web-ISAPI-Ext', 'Web-ISAPI-Filter', 'Web-Mgmt-Tools',
            'Web-Mgmt-Console', 'Web-Scripting-Tools', 'SNMP-Service', 'Telnet-Client',
            'RSAT-AD-PowerShell', 'Windows-Server-Backup']
REG_VALUES = [
    (r'HKLM:\SOFTWARE\Policies\Microsoft\Windows\DataCollection', 'AllowTelemetry', 0),
    (r'HKLM:\SOFTWARE\Policies\Microsoft\Windows\CloudContent', 'DisableWindowsConsumerFeatures', 1),
    (r'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server', 'fDenyTSConnections', 0),
    (r'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp', 'UserAuthentication', 1),
    (r'HKLM:\SYSTEM\CurrentControlSet\Control\Lsa', 'LmCompatibilityLevel', 5),
    (r'HKLM:\SYSTEM\CurrentControlSet\Control\Lsa', 'RestrictAnonymous', 1),
    (r'HKLM:\SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters', 'SMB1', 0),
    (r'HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters', 'DisableIPSourceRouting', 2),
    (r'HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters', 'EnableICMPRedirect', 0),
    (r'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System', 'EnableLUA', 1),
    (r'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System', 'ConsentPromptBehaviorAdmin', 2),
    (r'HKLM:\SOFTWARE\Microsoft\ServerManager', 'DoNotOpenServerManagerAtLogon', 1),
    (r'HKLM:\SOFTWARE\Microsoft\Windows\Windows Error Reporting', 'Disabled', 1),
    (r'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Reliability', 'ShutdownReasonOn', 0),
    (r'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server', 'Enabled', 0),
    (r'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server', 'Enabled', 0),
    (r'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server', 'Enabled', 1),
    (r'HKLM:\SOFTWARE\Microsoft\.NETFramework\v4.0.30319', 'SchUseStrongCrypto', 1),
    (r'HKLM:\SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v4.0.30319', 'SchUseStrongCrypto', 1),
    (r'HKLM:\SYSTEM\CurrentControlSet\Control\CrashControl', 'CrashDumpEnabled', 2),
]
FIREWALL = [('Contoso-Monitoring-SNMP', 'UDP', 161), ('Contoso-Backup-Agent', 'TCP', 10000),
            ('Contoso-WinRM-HTTPS', 'TCP', 5986), ('Contoso-App-HTTP', 'TCP', 8080),
            ('Contoso-App-HTTPS', 'TCP', 8443), ('Contoso-SQL-Browser', 'UDP', 1434),
            ('Contoso-SQL', 'TCP', 1433), ('Contoso-Zabbix', 'TCP', 10050)]


def baseline_script():
    """The PowerShell script the first logon writes to disk, one line per command."""
    lines = ['# Contoso server baseline, written by the answer file',
             "$ErrorActionPreference = 'Continue'",
             "Start-Transcript -Path 'C:\\Windows\\Temp\\baseline.log' -Append",
             "$stamp = Get-Date -Format 'yyyy-MM-dd HH:mm:ss'",
             "Write-Output \"Baseline started at $stamp\""]
    for svc in SERVICES_OFF:
        lines.append(f"if (Get-Service -Name '{svc}' -ErrorAction SilentlyContinue) "
                     f"{{ Stop-Service -Name '{svc}' -Force -ErrorAction SilentlyContinue; "
                     f"Set-Service -Name '{svc}' -StartupType Disabled }}")
        lines.append(f"Write-Output ('{svc}: ' + (Get-Service -Name '{svc}' -ErrorAction "
                     f"SilentlyContinue).StartType)")
    for key, name, value in REG_VALUES:
        lines.append(f"if (-not (Test-Path '{key}')) {{ New-Item -Path '{key}' -Force | Out-Null }}")
        lines.append(f"New-ItemProperty -Path '{key}' -Name '{name}' -PropertyType DWord "
                     f"-Value {value} -Force | Out-Null")
    for feature in FEATURES:
        lines.append(f"$r = Install-WindowsFeature -Name '{feature}' -ErrorAction SilentlyContinue; "
                     f"Write-Output ('{feature}: ' + $r.ExitCode)")
    for rule, proto, port in FIREWALL:
        lines.append(f"New-NetFirewallRule -DisplayName '{rule}' -Direction Inbound -Protocol {proto} "
                     f"-LocalPort {port} -Action Allow -Profile Domain | Out-Null")
    for i in range(1, 41):
        lines.append(f"Get-ChildItem -Path 'C:\\Deploy\\Patches\\batch{i:02d}' -Filter '*.msu' "
                     f"-ErrorAction SilentlyContinue | ForEach-Object {{ Start-Process -FilePath "
                     f"'wusa.exe' -ArgumentList \"`\"$($_.FullName)`\" /quiet /norestart\" -Wait }}")
    lines += ["Write-Output ('Baseline finished at ' + (Get-Date -Format 's'))",
              'Stop-Transcript']
    return lines


def cmd_escape(line):
    """Escape a line for `cmd /c echo`: cmd's metacharacters take a caret,
    except between double quotes, where cmd takes them literally."""
    out = []
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch in '^&|<>()' and not quoted:
            out.append('^')
        out.append(ch)
    return ''.join(out)


def xml_text(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def encoded_blocks():
    """PowerShell snippets run with -EncodedCommand (base64 of UTF-16LE)."""
    blocks = []
    for i, (rule, proto, port) in enumerate(FIREWALL * 3):
        snippet = (f"$ErrorActionPreference='Stop'; $n='{rule}-{i:02d}'; "
                   f"if (-not (Get-NetFirewallRule -DisplayName $n -ErrorAction SilentlyContinue)) "
                   f"{{ New-NetFirewallRule -DisplayName $n -Direction Inbound -Protocol {proto} "
                   f"-LocalPort {port + i} -Action Allow | Out-Null }}; "
                   f"Add-Content -Path C:\\Windows\\Temp\\fw.log -Value $n")
        b64 = base64.b64encode(snippet.encode('utf-16-le')).decode('ascii')
        blocks.append((f'Firewall rule {rule} #{i:02d}',
                       'powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass '
                       f'-EncodedCommand {b64}'))
    return blocks


def synchronous_command(out, order, command, description):
    assert len(command) <= MAX_COMMAND, (order, len(command))
    out.append('                <SynchronousCommand wcm:action="add">')
    out.append(f'                    <CommandLine>{xml_text(command)}</CommandLine>')
    out.append(f'                    <Description>{xml_text(description)}</Description>')
    out.append(f'                    <Order>{order}</Order>')
    out.append('                    <RequiresUserInput>false</RequiresUserInput>')
    out.append('                </SynchronousCommand>')


def build():
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<unattend xmlns="urn:schemas-microsoft-com:unattend">',
           '    <settings pass="specialize">',
           f'        <component name="Microsoft-Windows-Shell-Setup" {COMP_ATTRS}>',
           '            <ComputerName>*</ComputerName>',
           '            <RegisteredOrganization>Contoso Ltd.</RegisteredOrganization>',
           '            <RegisteredOwner>Contoso Build Team</RegisteredOwner>',
           '            <TimeZone>UTC</TimeZone>',
           '        </component>',
           f'        <component name="Microsoft-Windows-Deployment" {COMP_ATTRS}>',
           '            <RunSynchronous>']
    order = 0
    for key, name, value in REG_VALUES:
        order += 1
        path = key.replace('HKLM:', 'HKLM')
        command = f'reg add "{path}" /v {name} /t REG_DWORD /d {value} /f'
        out += ['                <RunSynchronousCommand wcm:action="add">',
                f'                    <Description>{xml_text("Set " + name)}</Description>',
                f'                    <Order>{order}</Order>',
                f'                    <Path>{xml_text(command)}</Path>',
                '                </RunSynchronousCommand>']
    out += ['            </RunSynchronous>',
            '        </component>',
            '    </settings>',
            '    <settings pass="oobeSystem">',
            f'        <component name="Microsoft-Windows-Shell-Setup" {COMP_ATTRS}>',
            '            <FirstLogonCommands>']
    order = 0
    order += 1
    synchronous_command(out, order, f'cmd /c if exist {SCRIPT} del /q {SCRIPT}',
                        'Start a fresh baseline script')
    for n, line in enumerate(baseline_script(), 1):
        order += 1
        synchronous_command(out, order, f'cmd /c echo {cmd_escape(line)}>>{SCRIPT}',
                            f'Write baseline line {n}')
    for description, command in encoded_blocks():
        order += 1
        synchronous_command(out, order, command, description)
    order += 1
    synchronous_command(out, order,
                        f'powershell.exe -NoProfile -ExecutionPolicy Bypass -File {SCRIPT}',
                        'Run the baseline script')
    assert order <= 500, order
    out += ['            </FirstLogonCommands>',
            '            <OOBE>',
            '                <HideEULAPage>true</HideEULAPage>',
            '                <ProtectYourPC>3</ProtectYourPC>',
            '            </OOBE>',
            '            <UserAccounts>',
            '                <AdministratorPassword>',
            '                    <Value>Bu1ld-Large!2019</Value>',
            '                    <PlainText>true</PlainText>',
            '                </AdministratorPassword>',
            '            </UserAccounts>',
            '        </component>',
            '    </settings>',
            '    <cpi:offlineImage cpi:source="wim:c:/build/ws2019/sources/install.wim#Windows Server '
            '2019 SERVERSTANDARD" xmlns:cpi="urn:schemas-microsoft-com:cpi" />',
            '</unattend>',
            '']
    return '\n'.join(out)


def main():
    target = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), 'large-100k-scripts.xml')
    data = build().encode('utf-8')
    assert len(data) >= 100 * 1024, len(data)
    with open(target, 'wb') as f:
        f.write(data)
    print(f'{target}: {len(data)} bytes')


if __name__ == '__main__':
    main()
