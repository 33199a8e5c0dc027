/* The subscribe-message page against a real 共治 server (GONGZHI_BASE_URL) configured with
   one template, for results (GONGZHI_SUBSCRIBE_TEMPLATE), and a mini-program user's access
   token (GONGZHI_SUBSCRIBE_TOKEN): tests/miniprogram/ starts it and runs this file. What
   the server stored is read back from GET /api/v1/wechat/subscriptions. */
jest.mock("../config", function () { return { baseUrl: process.env.GONGZHI_BASE_URL }; });

const path = require("path");
const { lastCall, countOf } = require("./wx");
const { send } = require("./http");
const simulate = require("miniprogram-simulate");

const BASE = process.env.GONGZHI_BASE_URL;
const TOKEN = process.env.GONGZHI_SUBSCRIBE_TOKEN;
const RESULTS = process.env.GONGZHI_SUBSCRIBE_TEMPLATE;

let loaded = null;  // simulate.load registers a page once; render it as often as needed

function render() {
  loaded = loaded || simulate.load(path.join(__dirname, "..", "pages", "subscribe", "index"));
  const component = simulate.render(loaded);
  component.attach(document.createElement("parent-wrapper"));
  return component;
}

/* the user's subscriptions as the server keeps them */
async function stored() {
  const response = await send(BASE + "/api/v1/wechat/subscriptions",
    { headers: { Authorization: "Bearer " + TOKEN } });
  expect(response.status).toBe(200);
  return JSON.parse(response.text).subscriptions;
}

beforeEach(function () {
  wx.setStorageSync("gongzhi.tokens", { access_token: TOKEN });
});

test("after a vote: asks for the results template in the tap, the server counts the accept", async function () {
  expect(await stored()).toEqual([]);
  const page = render();
  await page.instance.onLoad({ kinds: "results", path: encodeURIComponent("/consultations/7") });
  expect(page.instance.data.error).toBe("");
  expect(page.instance.data.templateIds).toEqual([RESULTS]);
  expect(page.querySelector("#accept").dom.innerHTML).toContain("接收微信通知");
  expect(page.instance.data.notes).toEqual(["结果公布时，要在微信里通知您吗？"]);

  wx.subscribeAnswer = { [RESULTS]: "accept" };
  await page.instance.onAccept();
  expect(lastCall("requestSubscribeMessage").tmplIds).toEqual([RESULTS]);
  expect(page.instance.data.error).toBe("");
  expect(await stored()).toEqual([{ kind: "results", template_id: RESULTS, remaining: 1 }]);
  expect(lastCall("showToast").title).toBe("好的，到时会通知您");
  expect(countOf("navigateBack")).toBe(1);
});

test("a refusal is reported and records none, and nothing is said", async function () {
  const page = render();
  await page.instance.onLoad({ kinds: "results" });
  wx.subscribeAnswer = { [RESULTS]: "reject" };
  const toasts = countOf("showToast");
  const asked = countOf("requestSubscribeMessage");
  await page.instance.onAccept();
  expect(countOf("requestSubscribeMessage")).toBe(asked + 1);
  expect(page.instance.data.error).toBe("");  // the server took the answer (200)
  expect(await stored()).toEqual([{ kind: "results", template_id: RESULTS, remaining: 1 }]);
  expect(countOf("showToast")).toBe(toasts);
  expect(countOf("navigateBack")).toBe(2);
});

test("a kind this deployment has no template for is not asked: the page goes back", async function () {
  const page = render();
  const asked = countOf("requestSubscribeMessage");
  await page.instance.onLoad({ kinds: "meeting" });
  expect(page.instance.data.templateIds).toEqual([]);
  expect(countOf("navigateBack")).toBe(3);
  expect(countOf("requestSubscribeMessage")).toBe(asked);
});
