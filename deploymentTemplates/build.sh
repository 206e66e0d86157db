#!/usr/bin/env bash
# Compiles main.bicep into azuredeploy.json with the Bicep CLI from NuGet (the same version the
# test in Bot.Tests/Deployment uses; Linux x64). Run it after every change to a .bicep file.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet restore Bot.Tests/Bot.Tests.csproj --verbosity quiet >/dev/null
version="$(sed -n 's:.*<BicepCliVersion>\(.*\)</BicepCliVersion>.*:\1:p' Directory.Packages.props)"
packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
bicep="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"
chmod +x "$bicep"
"$bicep" build deploymentTemplates/main.bicep --outfile deploymentTemplates/azuredeploy.json
echo "deploymentTemplates/azuredeploy.json compiled with $("$bicep" --version)"
