import type { WizardView } from "@/lib/setup/wizard-view";
import { PUSH_USER_PASSWORD_NOTE, SAGE50_USERNAME_MAX_LENGTH } from "@/lib/sage/usernames";
import { InstructionList, StepSection, Ui } from "../instruction-list";
import { IllustrationFigure } from "../illustration-figure";
import { CopyButton } from "../copy-button";
import { PushUserFormClient } from "../push-user-form";

/** Step 2: create the push user in Sage 50 (illustrated), then tell the wizard its username. */
export function PushUserStep({ view }: { view: WizardView }) {
  const pushUsername = view.progress.pushUsername ?? view.suggestedPushUsername;
  const pictures = { integratorName: view.integratorName, pushUsername };
  return (
    <>
      <StepSection
        id="create-user"
        title="In Sage 50, create the push user"
        description={
          <>
            The connector needs a Sage 50 login of its own that nobody opens Sage 50 with. Sage 50 lets one login be used in one
            place at a time, so a shared login would block every push while someone works.
          </>
        }
      >
        <InstructionList
          label="Create the push user"
          items={[
            {
              id: "open",
              title: (
                <>
                  Open Sage 50 as <Ui>MANAGER</Ui> (or another Administrator), then go to <Ui>Settings</Ui> &gt; <Ui>User Management</Ui>{" "}
                  &gt; <Ui>Users</Ui> and click <Ui>New</Ui>.
                </>
              ),
              body: <p>Only MANAGER, an Administrator, or a user allowed to manage users can create users.</p>,
              figure: <IllustrationFigure name="sage-user-management" {...pictures} />,
            },
            {
              id: "details",
              title: "Fill in the new user's details.",
              body: (
                <>
                  <dl className="space-y-3">
                    <div>
                      <dt className="text-sm font-semibold text-slate-600">Username</dt>
                      <dd className="mt-1 flex flex-wrap items-center gap-2">
                        <span className="rounded-md border border-slate-300 bg-slate-50 px-3 py-1.5 font-mono text-lg font-bold text-slate-900">
                          {pushUsername}
                        </span>
                        <CopyButton value={pushUsername} label="suggested username" />
                      </dd>
                      <dd className="mt-1 text-sm">
                        It names {view.integratorName}, so everyone can tell what it is for. Another name is fine too: letters, numbers
                        and spaces, at most {SAGE50_USERNAME_MAX_LENGTH} characters.
                      </dd>
                    </div>
                    <div>
                      <dt className="text-sm font-semibold text-slate-600">User type</dt>
                      <dd className="mt-1">
                        <Ui>Administrator</Ui>. Only an Administrator can write data through the connector.
                      </dd>
                    </div>
                    <div>
                      <dt className="text-sm font-semibold text-slate-600">Password</dt>
                      <dd className="mt-1">Choose one, type it twice, and keep it safe: you will type it into the connector later.</dd>
                    </div>
                  </dl>
                  <p className="rounded-lg border border-amber-600/40 bg-amber-50 px-4 py-3 text-sm text-amber-900">{PUSH_USER_PASSWORD_NOTE}</p>
                  <p className="text-sm">
                    If Sage 50 offers to link a Sage account (an email sign-in) to the new user, choose <Ui>Dismiss user</Ui>: the
                    connector does not need one.
                  </p>
                </>
              ),
              figure: <IllustrationFigure name="sage-new-user-details" {...pictures} />,
            },
            {
              id: "save",
              title: (
                <>
                  Skip <Ui>Remote Data Access</Ui> with <Ui>Continue</Ui>, then click <Ui>Save</Ui>.
                </>
              ),
              body: <p>Remote Data Access is not needed for the connector.</p>,
              figure: <IllustrationFigure name="sage-remote-data-access" {...pictures} />,
            },
          ]}
        />
      </StepSection>

      <StepSection
        id="tell-us"
        title="Tell us the usernames"
        description="So we can warn you now, rather than have pushes fail later, if the connector would share a login with a person."
      >
        <PushUserFormClient
          companyId={view.company.id}
          words={{
            everydayHint: (
              <>
                For example MANAGER or your own name. We check that the push user is none of them: while a person has Sage 50 open with
                the connector&apos;s login, nothing can be written to Sage 50.
              </>
            ),
            noPassword: "Only usernames: this page never asks for a Sage 50 password.",
          }}
        />
      </StepSection>
    </>
  );
}
