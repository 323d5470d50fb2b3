import { describe, expect, it } from "vitest";
import { connectorInstallerFileName } from "./help-words";

describe("connectorInstallerFileName", () => {
  it.each([
    ["Acme", "Acme-sage50-connector.exe"],
    ["Acme Pay", "Acme-Pay-sage50-connector.exe"],
    ["Smith & Sons (UK)", "Smith-Sons-UK-sage50-connector.exe"],
    ["Café Pay", "Café-Pay-sage50-connector.exe"],
    ["  ", "Codat-sage50-connector.exe"],
  ])("%j → %j", (integrator, file) => {
    expect(connectorInstallerFileName(integrator)).toBe(file);
  });
});
